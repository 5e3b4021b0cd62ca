package org.mianshen.push;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV that Excel opens correctly: UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), CRLF
 * rows, RFC 4180 quoting, and text cells neutralised against formula injection — a registry name is untrusted input,
 * and a cell starting with {@code = + - @} (or a tab or carriage return, which Excel strips before it looks) would run
 * as a formula. Such a cell gets a leading apostrophe, as OWASP recommends; numbers are written as numbers.
 */
public final class Cells {
    public static final char BOM = '\uFEFF';

    private Cells() {}

    /** The text as a CSV must hold it so that a spreadsheet shows it as text, never runs it. */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    /** Writes one row: strings neutralised and quoted when needed, numbers as they are, null as an empty cell. */
    public static void writeRow(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            Object v = cells.get(i);
            if (v == null) continue;
            if (v instanceof Number) { w.write(v.toString()); continue; }
            w.write(quote(neutralise(v.toString())));
        }
        w.write("\r\n");
    }

    static String quote(String s) {
        boolean q = false;
        for (int i = 0; i < s.length() && !q; i++) {
            char c = s.charAt(i);
            q = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return q ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
