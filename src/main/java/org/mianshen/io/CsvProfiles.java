package org.mianshen.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.mianshen.model.Profile;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of the profile contract (jackson-dataformat-csv does the CSV syntax):
 * <ul>
 *   <li>the header names the contract fields ({@code uscc}, {@code employees}, …); a nested scalar
 *       object is flattened as {@code a.b};</li>
 *   <li>an empty cell is a missing (unknown) value, never zero or false;</li>
 *   <li>list fields ({@code premises}, {@code hires}, {@code loans}, {@code designations}) hold a JSON
 *       array in the cell, e.g. {@code "[{""ownership"":""STATE"",""monthlyRentYuan"":20000}]"};
 *       {@code []} = none; {@code designations} may also be written {@code HIGH_TECH|TECH_SME}.</li>
 * </ul>
 * A row is turned into the same JSON tree a JSON Lines row gives, then validated by
 * {@link ProfileReader}; so the two formats accept and reject exactly the same profiles. Thread-safe.
 */
public final class CsvProfiles {
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader ROW = CSV.readerForArrayOf(String.class);
    private static final ObjectWriter ROW_WRITER = CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withoutHeader())
            .with(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Header name → the Java type of the contract field (profile fields, and a.b for nested scalar objects). */
    private static final Map<String, Class<?>> TYPES = types();

    private final String[] header;
    private final Class<?>[] types;   // null = unknown column (ignored)
    private final List<String> unknownColumns = new ArrayList<>();

    /** Parses and checks a header row; throws {@link InputError} when it cannot be a profile header. */
    public CsvProfiles(String headerLine) throws InputError {
        String[] h = cells(headerLine);
        if (h.length == 0) throw new InputError("(header)", headerLine, "a CSV header naming the profile fields, with uscc");
        header = new String[h.length];
        types = new Class<?>[h.length];
        boolean uscc = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < h.length; i++) {
            String name = h[i] == null ? "" : h[i].strip();
            header[i] = name;
            if (!seen.add(name)) throw new InputError("(header)", name, "each column once");
            types[i] = TYPES.get(name);
            if (types[i] == null) unknownColumns.add(name);
            if (name.equals("uscc")) uscc = true;
        }
        if (!uscc) throw new InputError("(header)", headerLine, "a CSV header with a uscc column (see `mianshen schema` for the field names)");
    }

    /** Header columns that are not contract fields; their cells are ignored (the batch warns once). */
    public List<String> unknownColumns() { return unknownColumns; }

    /** Splits one CSV record into its cells (RFC 4180 quoting); malformed CSV is an {@link InputError}. */
    public static String[] cells(String record) throws InputError {
        try {
            String[] c = ROW.readValue(record);
            return c == null ? new String[0] : c;
        } catch (IOException e) {
            throw new InputError("(row)", null, "well-formed CSV (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** One CSV record → the JSON tree of the profile (to be validated by {@link ProfileReader#read(JsonNode)}). */
    public ObjectNode toJson(String record) throws InputError {
        String[] c = cells(record);
        if (c.length != header.length)
            throw new InputError("(row)", c.length + " cells", header.length + " cells as in the header (a quote or a comma too many or too few?)");
        ObjectNode root = NODES.objectNode();
        for (int i = 0; i < c.length; i++) {
            String v = c[i];
            Class<?> t = types[i];
            if (t == null || v == null || v.isEmpty()) continue;
            String name = header[i];
            ObjectNode target = root;
            String leaf = name;
            int dot = name.indexOf('.');
            if (dot > 0) {
                String parent = name.substring(0, dot);
                JsonNode existing = root.get(parent);
                target = existing instanceof ObjectNode o ? o : root.putObject(parent);
                leaf = name.substring(dot + 1);
            }
            target.set(leaf, value(name, v, t));
        }
        return root;
    }

    private static JsonNode value(String name, String v, Class<?> t) throws InputError {
        if (t == Integer.class || t == Long.class) {
            try { return NODES.numberNode(Long.parseLong(v.strip())); }
            catch (NumberFormatException e) { throw new InputError(name, v, "a whole number"); }
        }
        if (t == BigDecimal.class) {
            try { return NODES.numberNode(new BigDecimal(v.strip())); }
            catch (NumberFormatException e) { throw new InputError(name, v, "a number"); }
        }
        if (t == Boolean.class) {
            String s = v.strip();
            if (s.equals("true")) return NODES.booleanNode(true);
            if (s.equals("false")) return NODES.booleanNode(false);
            throw new InputError(name, v, "true or false");
        }
        if (t == List.class) {
            String s = v.strip();
            if (s.startsWith("[")) {
                try { return Json.MAPPER.readTree(s); }
                catch (JsonProcessingException e) { throw new InputError(name, v, "a JSON array (" + firstLine(e.getOriginalMessage()) + ")"); }
            }
            if (name.equals("designations")) {
                ArrayNode a = NODES.arrayNode();
                for (String part : s.split("\\|")) if (!part.isBlank()) a.add(part.strip());
                return a;
            }
            throw new InputError(name, v, "a JSON array in the cell, e.g. [] or [{...}]");
        }
        return NODES.textNode(v);
    }

    // ---- writing (generator, tests) ------------------------------------------------------------

    /** The header the generator writes: every profile field in contract order. */
    public static List<String> profileHeader() { return List.copyOf(TYPES.keySet()); }

    /** One CSV record (with its line feed) for a profile; lists as JSON arrays, designations as A|B. */
    public static String toCsv(Profile p, List<String> header) {
        JsonNode tree = Json.MAPPER.valueToTree(p);
        String[] row = new String[header.size()];
        for (int i = 0; i < row.length; i++) {
            String name = header.get(i);
            JsonNode n = tree.get(name);
            if (n == null || n.isNull()) continue;
            if (name.equals("designations") && n.size() > 0) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode d : n) { if (sb.length() > 0) sb.append('|'); sb.append(d.asText()); }
                row[i] = sb.toString();
            } else if (n.isContainerNode()) row[i] = n.toString();
            else row[i] = n.asText();
        }
        return writeRow(row);
    }

    /** One CSV record (with its line feed) from cells; null = empty cell. */
    public static String writeRow(String... cells) {
        String[] c = cells.clone();
        for (int i = 0; i < c.length; i++) if (c[i] == null) c[i] = "";   // Jackson CSV drops null array elements
        try { return ROW_WRITER.writeValueAsString(c); }
        catch (JsonProcessingException e) { throw new IllegalStateException(e); }
    }

    /** A writer for String[] rows (for streaming output). */
    public static ObjectWriter rowWriter() { return ROW_WRITER; }

    private static Map<String, Class<?>> types() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Field f : Profile.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) continue;
            Class<?> t = f.getType();
            if (List.class.isAssignableFrom(t)) m.put(f.getName(), List.class);
            else if (isScalar(t)) m.put(f.getName(), t);
            else for (Field g : t.getDeclaredFields()) {         // nested scalar object: a.b
                if (Modifier.isStatic(g.getModifiers()) || !Modifier.isPublic(g.getModifiers())) continue;
                m.put(f.getName() + "." + g.getName(), List.class.isAssignableFrom(g.getType()) ? List.class : g.getType());
            }
        }
        return m;
    }

    private static boolean isScalar(Class<?> t) {
        return t == String.class || Number.class.isAssignableFrom(t) || t == Boolean.class || t.isEnum()
                || t == java.time.LocalDate.class || t.isPrimitive();
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
