package org.mianshen.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Rates and thresholds as dated data (the OpenFisca way): {@code parameters/<file>.yaml} maps a parameter name to
 * {@code values: {date: {value, reference}}}; a value holds from its date until the next, {@code value: null} ends it.
 * The full name is {@code <file>.<key>}, e.g. {@code cit.small_low_profit.bracket1_share}. Rules and the amount
 * formulas read a parameter at the as-of date (or at the start of the tax year a figure belongs to), so that a
 * rate that changes on 2023-01-01 needs one new line here and no code. Loaded once; immutable; thread-safe.
 */
public final class Parameters {
    /** The parameter files under {@code /parameters/} (a jar cannot list a resource directory). */
    static final String[] FILES = {"cit", "vat", "social_insurance", "local_taxes"};

    /** One dated value and the text that fixes it. */
    public record Value(LocalDate from, BigDecimal value, String reference) {}

    private static final Map<String, NavigableMap<LocalDate, Value>> ALL = load();

    private Parameters() {}

    /** The value in force on the date; an error when the parameter is unknown or not in force then. */
    public static BigDecimal value(String name, LocalDate at) {
        Value v = at(name, at);
        if (v.value() == null) throw new IllegalArgumentException("parameter " + name + " is not in force on " + at);
        return v.value();
    }

    /** The dated entry in force on the date (its value may be null: ended). */
    public static Value at(String name, LocalDate at) {
        NavigableMap<LocalDate, Value> values = ALL.get(name);
        if (values == null) throw new IllegalArgumentException("unknown parameter " + name + " (see src/main/resources/parameters/)");
        Map.Entry<LocalDate, Value> e = values.floorEntry(at);
        if (e == null) throw new IllegalArgumentException("parameter " + name + " has no value before " + values.firstKey() + " (asked for " + at + ")");
        return e.getValue();
    }

    /** The value as whole yuan (or persons): for thresholds. */
    public static long whole(String name, LocalDate at) { return value(name, at).longValueExact(); }

    /** The reference (document and article) fixing the value in force on the date. */
    public static String reference(String name, LocalDate at) { return at(name, at).reference(); }

    /** All parameter names (for tests and documentation). */
    public static java.util.Set<String> names() { return ALL.keySet(); }

    private static Map<String, NavigableMap<LocalDate, Value>> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Map<String, NavigableMap<LocalDate, Value>> out = new LinkedHashMap<>();
        for (String file : FILES) {
            String path = "/parameters/" + file + ".yaml";
            try (InputStream in = Parameters.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException(path + " missing from the classpath");
                JsonNode root = yaml.readTree(in);
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    String name = file + "." + p.getKey();
                    JsonNode values = p.getValue().path("values");
                    if (!values.isObject() || values.isEmpty()) throw new IllegalStateException(path + ": " + p.getKey() + " has no values");
                    NavigableMap<LocalDate, Value> dated = new TreeMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> vs = values.fields(); vs.hasNext(); ) {
                        Map.Entry<String, JsonNode> v = vs.next();
                        LocalDate from = LocalDate.parse(v.getKey());
                        JsonNode val = v.getValue().path("value");
                        String ref = v.getValue().path("reference").asText(null);
                        if (ref == null || ref.isBlank()) throw new IllegalStateException(path + ": " + p.getKey() + " " + from + " has no reference");
                        if (!val.isNull() && !val.isNumber()) throw new IllegalStateException(path + ": " + p.getKey() + " " + from + " value is not a number");
                        dated.put(from, new Value(from, val.isNull() ? null : val.decimalValue(), ref));
                    }
                    out.put(name, dated);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(path, e);
            }
        }
        return Map.copyOf(out);
    }
}
