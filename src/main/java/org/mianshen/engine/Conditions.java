package org.mianshen.engine;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * The condition vocabulary rules are written in (DRL: {@code import function org.mianshen.engine.Conditions.*}).
 *
 * <p>Every function is <b>unknown-permissive</b>: a {@code null} (unknown) fact passes, so a rule whose known
 * facts all qualify still fires; the engine then names the unknown facts the rule referenced and reports
 * the measure as {@code NEEDS_INFO} instead of silently dropping it ("missing is not false").
 *
 * <p>The names carry the boundary semantics of the policy wording (民法典 第1259条):
 * {@code atMost} = 以下/以内/不超过 (≤), {@code below} = 低于/不满/不足 (&lt;),
 * {@code atLeast} = 以上/不低于 (≥), {@code over} = 超过/高于 (&gt;).
 */
public final class Conditions {
    private Conditions() {}

    /** 以下、以内、不超过: value ≤ bound (unknown passes). */
    public static boolean atMost(Number value, Number bound) { return value == null || compare(value, bound) <= 0; }

    /** 低于、不满、不足: value &lt; bound (unknown passes). */
    public static boolean below(Number value, Number bound) { return value == null || compare(value, bound) < 0; }

    /** 以上、不低于、达到: value ≥ bound (unknown passes). */
    public static boolean atLeast(Number value, Number bound) { return value == null || compare(value, bound) >= 0; }

    /** 超过、高于: value &gt; bound (unknown passes). */
    public static boolean over(Number value, Number bound) { return value == null || compare(value, bound) > 0; }

    /** from ≤ value ≤ to, both inclusive (unknown passes). */
    public static boolean between(Number value, Number from, Number to) {
        return value == null || (compare(value, from) >= 0 && compare(value, to) <= 0);
    }

    /** A yes/no fact that must hold (unknown passes). */
    public static boolean yes(Boolean fact) { return fact == null || fact; }

    /** A yes/no fact that must not hold (unknown passes). */
    public static boolean no(Boolean fact) { return fact == null || !fact; }

    /** value equals expected (unknown passes); for enums write {@code is(vatTaxpayer, VatTaxpayer.SMALL_SCALE)}. */
    public static boolean is(Object value, Object expected) { return value == null || value.equals(expected); }

    /** value differs from excluded (unknown passes). */
    public static boolean isNot(Object value, Object excluded) { return value == null || !value.equals(excluded); }

    /**
     * value's name is one of the space-separated names, e.g. {@code oneOf(scale, "SMALL MICRO")}
     * or {@code oneOf(taxCreditRating, "A B")} (unknown passes).
     */
    public static boolean oneOf(Object value, String names) {
        if (value == null) return true;
        String v = value instanceof Enum<?> en ? en.name() : value.toString();
        return org.mianshen.model.Words.contains(names, v);
    }

    /** the list contains the element (unknown list passes; an empty list is known and fails). */
    public static boolean contains(Collection<?> list, Object element) { return list == null || list.contains(element); }

    /** Exact comparison: integral values as long, anything else as BigDecimal of its decimal text. */
    static int compare(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) return Long.compare(a.longValue(), b.longValue());
        return decimal(a).compareTo(decimal(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
