package org.mianshen.io;

import java.math.BigDecimal;

/**
 * A typed column value (from JDBC or a Spark row) as the CSV profile contract writes it, so that database and Spark
 * rows go through the same checks as a CSV row ({@link CsvProfiles}): plain numbers, yyyy-mm-dd dates, true/false,
 * text as is. One place for the database source and the Spark job.
 */
public final class CsvCell {
    private CsvCell() {}

    /** The cell, or null for an absent (unknown) value; types not listed here give their text (jsonb, uuid, …). */
    public static String of(Object o) {
        if (o == null) return null;
        if (o instanceof String s) return s;
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) return o.toString();
        if (o instanceof BigDecimal d) return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            // a whole-number field read as floating point (Spark infers 8.0 from some sources): the value, not 8.0
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (o instanceof Boolean b) return b ? "true" : "false";
        if (o instanceof java.sql.Date d) return d.toLocalDate().toString();
        if (o instanceof java.time.LocalDate d) return d.toString();
        if (o instanceof java.sql.Timestamp t) return t.toLocalDateTime().toLocalDate().toString();
        if (o instanceof java.time.Instant i) return i.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        if (o instanceof byte[] b) return new String(b, java.nio.charset.StandardCharsets.UTF_8);   // a binary column holding text
        return o.toString();
    }
}
