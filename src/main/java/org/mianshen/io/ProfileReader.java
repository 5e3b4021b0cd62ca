package org.mianshen.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.mianshen.model.Fact;
import org.mianshen.model.Hire;
import org.mianshen.model.Loan;
import org.mianshen.model.Premises;
import org.mianshen.model.Profile;
import org.mianshen.reference.Industries;
import org.mianshen.reference.Uscc;

import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and validates one profile (the §2 contract). Thread-safe. Bad input becomes one
 * {@link InputError} naming the field, the value and what is expected; unknown fields are kept as
 * warnings (reported, never silently ignored).
 */
public final class ProfileReader {
    private static final String UNKNOWN = "mianshen.unknownFields";
    private final ObjectReader reader = Json.MAPPER.readerFor(Profile.class)
            .withHandler(new DeserializationProblemHandler() {
                @Override
                @SuppressWarnings("unchecked")
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> d,
                                                     Object bean, String name) throws IOException {
                    Object sink = ctxt.getAttribute(UNKNOWN);
                    if (sink instanceof List<?> l) ((List<String>) l).add(path(ctxt.getParser().getParsingContext().getParent(), name));
                    p.skipChildren();
                    return true;
                }
            });

    /** A validated profile and the warnings reading it produced. */
    public record Read(Profile profile, List<String> warnings) {}

    public Read read(String json) throws InputError {
        List<String> unknown = new ArrayList<>(0);
        Profile p;
        try {
            p = reader.withAttribute(UNKNOWN, unknown).readValue(json);
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
        return finish(p, unknown);
    }

    public Read read(JsonNode node) throws InputError {
        List<String> unknown = new ArrayList<>(0);
        Profile p;
        try {
            p = reader.withAttribute(UNKNOWN, unknown).readValue(node);
        } catch (IOException e) {
            throw translate(e);
        }
        return finish(p, unknown);
    }

    private Read finish(Profile p, List<String> unknown) throws InputError {
        if (p == null) throw new InputError("", "null", "a JSON object with at least \"uscc\"");
        validate(p);
        List<String> warnings = unknown.isEmpty() ? List.of()
                : unknown.stream().map(f -> "unknown field '" + f + "' ignored (see `mianshen schema` for the fields)").toList();
        return new Read(p, warnings);
    }

    private static String path(com.fasterxml.jackson.core.JsonStreamContext ctx, String leaf) {
        StringBuilder sb = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (var c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) parts.add(0, "[" + c.getCurrentIndex() + "]");
            else if (c.getCurrentName() != null) parts.add(0, "." + c.getCurrentName());
        }
        for (String s : parts) sb.append(s);
        sb.append('.').append(leaf);
        return sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    static InputError translate(IOException e) {
        if (e instanceof JsonMappingException jm) {
            String field = fieldPath(jm.getPath());
            if (e instanceof InvalidFormatException ife) {
                Class<?> t = ife.getTargetType();
                return new InputError(field, String.valueOf(ife.getValue()), expectedFor(t));
            }
            if (e instanceof UnrecognizedPropertyException upe) {
                return new InputError(field, null, "a known field (see `mianshen schema`)");
            }
            if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                String found = foundValue(String.valueOf(mie.getOriginalMessage()));
                return new InputError(field, found, expectedFor(mie.getTargetType()));
            }
            return new InputError(field, null, firstLine(jm.getOriginalMessage()));
        }
        if (e instanceof JsonProcessingException jp) {
            var loc = jp.getLocation();
            return new InputError("", "malformed JSON" + (loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr()),
                    "valid JSON (" + firstLine(jp.getOriginalMessage()) + ")");
        }
        return new InputError("", null, "readable input (" + e.getMessage() + ")");
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\\(\"([^\"]*)\"\\)");
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("(?:from|coerce) (\\w+) value");

    /** What Jackson found, from its message: "eight" (a string), an object, a boolean … */
    static String foundValue(String message) {
        var q = QUOTED.matcher(message);
        if (q.find()) return "\"" + q.group(1) + "\"";
        var k = KIND.matcher(message);
        return k.find() ? "a JSON " + k.group(1).toLowerCase() : "a value of the wrong type";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    static String fieldPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) { if (sb.length() > 0) sb.append('.'); sb.append(r.getFieldName()); }
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    static String expectedFor(Class<?> t) {
        if (t == null) return "a value of the right type";
        if (t.isEnum()) return "one of " + Arrays.toString(t.getEnumConstants());
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "a whole number";
        if (t == BigDecimal.class || t == Double.class) return "a number";
        if (t == Boolean.class || t == boolean.class) return "true or false";
        if (t == java.time.LocalDate.class) return "a real date yyyy-mm-dd";
        if (t == String.class) return "a string";
        if (List.class.isAssignableFrom(t)) return "a JSON array";
        return "a JSON object";
    }

    // ---- semantic validation --------------------------------------------------------------------

    private static final List<Field> NUMBERS_PROFILE = numericFields(Profile.class);
    private static final List<Field> NUMBERS_PREMISES = numericFields(Premises.class);
    private static final List<Field> NUMBERS_HIRE = numericFields(Hire.class);
    private static final List<Field> NUMBERS_LOAN = numericFields(Loan.class);
    private static final List<Field> NUMBERS_EQUIPMENT = numericFields(org.mianshen.model.Equipment.class);

    private static List<Field> numericFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Field f : c.getFields()) if (Number.class.isAssignableFrom(f.getType())) out.add(f);
        return List.copyOf(out);
    }

    /** Checks the contract's value rules (USCC check characters, non-negative numbers, code formats). */
    public static void validate(Profile p) throws InputError {
        if (p.uscc == null) throw new InputError("uscc", "missing", "an 18-character 统一社会信用代码");
        String problem = Uscc.problem(p.uscc);
        if (problem != null) throw new InputError("uscc", p.uscc, "a valid 统一社会信用代码 (" + problem + ")");
        if (p.regionCode != null && !p.regionCode.matches("\\d{6}"))
            throw new InputError("regionCode", p.regionCode, "a 6-digit GB/T 2260 code such as 530102");
        if (p.industryCode != null && Industries.resolve(p.industryCode) == null)
            throw new InputError("industryCode", p.industryCode, "a GB/T 4754-2017 section letter A-T or a 2-, 3- or 4-digit code such as 6210");
        nonNegative("", p, NUMBERS_PROFILE);
        if (p.layoffRate != null && p.layoffRate.compareTo(BigDecimal.ONE) > 0)
            throw new InputError("layoffRate", p.layoffRate.toPlainString(), "a ratio from 0 to 1 (5.5% is 0.055)");
        list("premises", p.premises, NUMBERS_PREMISES);
        list("hires", p.hires, NUMBERS_HIRE);
        list("loans", p.loans, NUMBERS_LOAN);
        list("equipmentPurchases", p.equipmentPurchases, NUMBERS_EQUIPMENT);
        if (p.premises != null) for (int i = 0; i < p.premises.size(); i++) {
            String rc = p.premises.get(i).regionCode;
            if (rc != null && !rc.matches("\\d{6}")) throw new InputError("premises[" + i + "].regionCode", rc, "a 6-digit GB/T 2260 code");
        }
        if (p.hires != null) for (int i = 0; i < p.hires.size(); i++) {
            String hr = p.hires.get(i).householdRegion;
            if (hr != null && !hr.matches("\\d{2}|\\d{4}|\\d{6}"))
                throw new InputError("hires[" + i + "].householdRegion", hr, "a GB/T 2260 code of the 户籍: 6-digit county, or 4- or 2-digit prefix (city, province)");
        }
        if (p.designations != null && p.designations.contains(null)) throw new InputError("designations", "null", "designation names");
    }

    private static void list(String name, List<?> items, List<Field> numbers) throws InputError {
        if (items == null) return;
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            if (o == null) throw new InputError(name + "[" + i + "]", "null", "a JSON object");
            nonNegative(name + "[" + i + "].", o, numbers);
        }
    }

    private static void nonNegative(String prefix, Object o, List<Field> numbers) throws InputError {
        for (Field f : numbers) {
            Number n;
            try { n = (Number) f.get(o); } catch (IllegalAccessException e) { throw new IllegalStateException(e); }
            if (n == null) continue;
            double min = f.getAnnotation(Fact.class) == null ? 0 : f.getAnnotation(Fact.class).min();
            boolean negative = n instanceof BigDecimal d ? d.signum() < 0 : n.doubleValue() < min;
            if (negative) throw new InputError(prefix + f.getName(), n.toString(), "a number ≥ 0");
        }
    }
}
