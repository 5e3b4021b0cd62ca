package org.mianshen.model;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A filter over the items of a list fact (hires, loans, premises), written as a string in a rule condition:
 * {@code countHires("category=GRADUATE_THIS_YEAR contractMonths>=12 socialInsurance hiredOn>=2026-01-01 localHousehold")}.
 *
 * <p>Space-separated terms, all of which must hold:
 * <pre>
 *   field=V | field=V1|V2   equal to (one of) the values: enum names, true/false, numbers, ISO dates, text
 *   field!=V                not equal
 *   field&gt;=N field&gt;N field&lt;=N field&lt;N   numbers or ISO dates (以上/不低于 is &gt;=, 超过 is &gt;)
 *   field                   a yes/no field that holds;  !field  one that does not
 *   householdIn=4107        户籍 within the GB/T 2260 prefix (hires)
 *   localHousehold          户籍 in the enterprise's own prefecture (本市户籍) (hires)
 * </pre>
 *
 * <p>Each term is three-valued on an item: a field the item lacks leaves the term <b>unknown</b>. An item that a
 * known field already excludes does not matter; an item that no known field excludes but an unknown field might is
 * undecided, and then the count or sum is unknown: the helpers return {@code null} and {@link Result#missing()}
 * names the field ({@code hires[].socialInsurance}), so the measure comes out NEEDS_INFO instead of a count
 * that silently left the item out. Missing is not false, item by item.
 */
public final class ListFilter {
    /** What a term compares. */
    private enum Op { EQ, NE, GE, GT, LE, LT, TRUE, FALSE, PREFIX, LOCAL }

    private record Term(String field, Field javaField, Op op, List<Object> values, String text) {}

    /** A count or sum with the inputs that would decide it when it is unknown (value null). */
    public record Result(Number value, List<String> missing) {}

    private final Class<?> itemType;
    private final String list;
    private final List<Term> terms;

    private ListFilter(Class<?> itemType, String list, List<Term> terms) {
        this.itemType = itemType;
        this.list = list;
        this.terms = terms;
    }

    private static final Map<String, ListFilter> CACHE = new ConcurrentHashMap<>();

    /**
     * The filter over items of {@code itemType}, the list named {@code list} in the profile (for missing inputs).
     *
     * @throws IllegalArgumentException naming the term, the field and what was expected
     */
    public static ListFilter of(Class<?> itemType, String list, String where) {
        return CACHE.computeIfAbsent(itemType.getSimpleName() + "\u0000" + where, k -> parse(itemType, list, where));
    }

    private static ListFilter parse(Class<?> itemType, String list, String where) {
        List<Term> terms = new ArrayList<>();
        for (String t : (where == null ? "" : where.trim()).split("\\s+")) {
            if (t.isEmpty()) continue;
            terms.add(term(itemType, list, t));
        }
        return new ListFilter(itemType, list, List.copyOf(terms));
    }

    private static Term term(Class<?> type, String list, String t) {
        String[] ops = {">=", "<=", "!=", ">", "<", "="};
        for (String op : ops) {
            int i = t.indexOf(op);
            if (i <= 0) continue;
            String name = t.substring(0, i), value = t.substring(i + op.length());
            if (value.isEmpty()) throw new IllegalArgumentException(list + " filter '" + t + "': no value after " + op);
            if (name.equals("householdIn")) {
                if (type != Hire.class || !op.equals("=")) throw new IllegalArgumentException(list + " filter '" + t + "': householdIn=PREFIX applies to hires");
                if (!value.matches("\\d{2}|\\d{4}|\\d{6}")) throw new IllegalArgumentException(list + " filter '" + t + "': householdIn takes a 2-, 4- or 6-digit GB/T 2260 prefix");
                return new Term("householdRegion", field(type, list, "householdRegion", t), Op.PREFIX, List.of(value), t);
            }
            Field f = field(type, list, name, t);
            Op o = switch (op) { case ">=" -> Op.GE; case "<=" -> Op.LE; case ">" -> Op.GT; case "<" -> Op.LT; case "!=" -> Op.NE; default -> Op.EQ; };
            List<Object> values = new ArrayList<>();
            for (String v : (o == Op.EQ || o == Op.NE) ? value.split("\\|") : new String[]{value}) values.add(convert(f, v, list, t));
            if ((o == Op.GE || o == Op.GT || o == Op.LE || o == Op.LT) && !(values.get(0) instanceof Comparable<?>) || (o != Op.EQ && o != Op.NE && values.get(0) instanceof Enum<?>))
                throw new IllegalArgumentException(list + " filter '" + t + "': " + op + " compares numbers or dates, " + name + " is " + f.getType().getSimpleName());
            return new Term(name, f, o, List.copyOf(values), t);
        }
        boolean not = t.startsWith("!");
        String name = not ? t.substring(1) : t;
        if (name.equals("localHousehold")) {
            if (type != Hire.class) throw new IllegalArgumentException(list + " filter '" + t + "': localHousehold applies to hires");
            return new Term("householdRegion", field(type, list, "householdRegion", t), not ? Op.FALSE : Op.LOCAL, List.of(), t);
        }
        Field f = field(type, list, name, t);
        if (f.getType() != Boolean.class)
            throw new IllegalArgumentException(list + " filter '" + t + "': " + name + " is not a yes/no field (write " + name + "=VALUE)");
        return new Term(name, f, not ? Op.FALSE : Op.TRUE, List.of(), t);
    }

    private static Field field(Class<?> type, String list, String name, String t) {
        try {
            Field f = type.getField(name);
            if (f.getAnnotation(Fact.class) != null) return f;
        } catch (NoSuchFieldException ignored) { }
        List<String> names = new ArrayList<>();
        for (Field f : type.getFields()) if (f.getAnnotation(Fact.class) != null) names.add(f.getName());
        throw new IllegalArgumentException(list + " filter '" + t + "': '" + name + "' is not a field of " + list + "[] (one of " + String.join(", ", names)
                + (type == Hire.class ? ", householdIn, localHousehold" : "") + ")");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Field f, String v, String list, String t) {
        Class<?> c = f.getType();
        try {
            if (c.isEnum()) return Enum.valueOf((Class) c, v);
            if (c == Boolean.class) {
                if (!v.equals("true") && !v.equals("false")) throw new IllegalArgumentException();
                return Boolean.valueOf(v);
            }
            if (c == Integer.class || c == Long.class) return Long.valueOf(v.replace("_", ""));
            if (c == BigDecimal.class) return new BigDecimal(v);
            if (c == LocalDate.class) return LocalDate.parse(v);
            return v;
        } catch (RuntimeException e) {
            String expected = c.isEnum() ? "one of " + java.util.Arrays.toString(c.getEnumConstants()).replaceAll("[\\[\\]]", "")
                    : c == LocalDate.class ? "a date yyyy-mm-dd" : c == Boolean.class ? "true or false" : "a number";
            throw new IllegalArgumentException(list + " filter '" + t + "': '" + v + "' for " + f.getName() + " is not " + expected);
        }
    }

    /** TRUE, FALSE or null (the item lacks the field, or its 户籍 is too coarse to tell). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Boolean test(Term t, Object item, String prefecture) {
        Object v;
        try { v = t.javaField().get(item); } catch (IllegalAccessException e) { throw new IllegalStateException(e); }
        if (v == null) return null;
        switch (t.op()) {
            case TRUE: return (Boolean) v;
            case FALSE:
                if (t.javaField().getName().equals("householdRegion")) return local((String) v, prefecture) == null ? null : !local((String) v, prefecture);
                return !(Boolean) v;
            case LOCAL: return local((String) v, prefecture);
            case PREFIX: {
                String code = (String) v, pre = (String) t.values().get(0);
                if (code.startsWith(pre)) return true;
                return pre.startsWith(code) ? null : false; // "41" cannot tell whether it is in 4107
            }
            case EQ: case NE: {
                boolean eq = false;
                for (Object x : t.values()) eq |= same(v, x);
                return t.op() == Op.EQ ? eq : !eq;
            }
            default: {
                int c = v instanceof Number n ? compareNumbers(n, (Number) t.values().get(0)) : ((Comparable) v).compareTo(t.values().get(0));
                return switch (t.op()) { case GE -> c >= 0; case GT -> c > 0; case LE -> c <= 0; default -> c < 0; };
            }
        }
    }

    private static Boolean local(String code, String prefecture) {
        if (prefecture == null) return null;
        if (code.startsWith(prefecture)) return true;
        return prefecture.startsWith(code) ? null : false;
    }

    private static boolean same(Object v, Object x) {
        if (v instanceof Number a && x instanceof Number b) return compareNumbers(a, b) == 0;
        return v.equals(x);
    }

    private static int compareNumbers(Number a, Number b) {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }

    /**
     * Counts (or sums {@code amountField} of) the items that pass the filter. {@code weightField} counts an item as
     * that many (a hire group's {@code count}); null counts each item once.
     *
     * @param items      the list; null = unknown
     * @param prefecture the enterprise's 4-digit prefecture code, for {@code localHousehold}
     */
    public Result apply(List<?> items, String amountField, String prefecture) {
        if (items == null) return new Result(null, List.of(list));
        Field amount = amountField == null ? null : field(itemType, list, amountField, amountField);
        Set<String> missing = new LinkedHashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Object item : items) {
            Set<String> undecided = new LinkedHashSet<>();
            boolean excluded = false;
            for (Term t : terms) {
                Boolean r = test(t, item, prefecture);
                if (r == null) undecided.add(list + "[]." + t.field());
                else if (!r) { excluded = true; break; }
            }
            if (excluded) continue;              // a known field already rules the item out: its unknowns do not matter
            if (!undecided.isEmpty()) { missing.addAll(undecided); continue; }
            Object a;
            try { a = amount == null ? Long.valueOf(1) : amount.get(item); } catch (IllegalAccessException e) { throw new IllegalStateException(e); }
            if (a == null) { missing.add(list + "[]." + amount.getName()); continue; }
            total = total.add(new BigDecimal(a.toString()));
        }
        if (!missing.isEmpty()) return new Result(null, List.copyOf(missing));
        return new Result(total, List.of());
    }

    /** The filter in Chinese: "招用人员类别为毕业年度高校毕业生、劳动合同期限不少于12个月、参加社会保险". */
    public String describe() {
        List<String> out = new ArrayList<>();
        for (Term t : terms) {
            Fact fact = t.javaField().getAnnotation(Fact.class);
            String label = fact.label(), unit = unit(fact.unit());
            List<String> vals = new ArrayList<>();
            for (Object v : t.values()) vals.add(zh(v) + unit);
            String vs = String.join("或", vals);
            boolean date = !t.values().isEmpty() && t.values().get(0) instanceof LocalDate;
            out.add(switch (t.op()) {
                case TRUE -> t.field().equals("householdRegion") ? "本市户籍" : label;
                case FALSE -> t.field().equals("householdRegion") ? "非本市户籍" : "未" + label;
                case LOCAL -> "本市户籍";
                case PREFIX -> "户籍在" + t.values().get(0) + "（行政区划代码）";
                case EQ -> label + "为" + vs;
                case NE -> label + "不为" + vs;
                case GE -> label + (date ? "不早于" : "不少于") + vs;
                case GT -> label + (date ? "晚于" : "超过") + vs;
                case LE -> label + (date ? "不晚于" : "不超过") + vs;
                case LT -> label + (date ? "早于" : "少于") + vs;
            });
        }
        return String.join("、", out);
    }

    private static String unit(String unit) {
        return switch (unit) { case "months" -> "个月"; case "yuan" -> "元"; case "persons" -> "人"; default -> ""; };
    }

    private static String zh(Object v) {
        if (v instanceof Boolean b) return b ? "是" : "否";
        if (v instanceof Enum<?> en) {
            try { return (String) en.getClass().getMethod("zh").invoke(en); } catch (ReflectiveOperationException e) { return en.name(); }
        }
        return String.valueOf(v);
    }
}
