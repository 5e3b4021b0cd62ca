package org.mianshen.model;

import java.util.List;

/**
 * An amount a formula fixed: whole yuan (rounded half up, 元以下四舍五入), the span it covers and the working in
 * Chinese; or, when the profile lacks an input, no yuan and the facts it needs ({@code missing}) — never a guess.
 */
public record Amount(Long yuan, AmountPeriod period, String working, List<String> missing) {
    public static Amount of(long yuan, AmountPeriod period, String working) { return new Amount(yuan, period, working, List.of()); }

    /** The inputs (profile field names) the formula needs and the profile lacks. */
    public static Amount missing(List<String> facts) { return new Amount(null, null, null, List.copyOf(facts)); }

    public static Amount missing(String... facts) { return new Amount(null, null, null, List.of(facts)); }
}
