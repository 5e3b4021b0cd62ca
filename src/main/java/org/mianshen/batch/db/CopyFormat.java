package org.mianshen.batch.db;

import com.fasterxml.jackson.core.JsonGenerator;
import org.mianshen.batch.ResultFormat;
import org.mianshen.model.Entitlement;
import org.mianshen.model.MatchResult;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The entitlement rows of a chunk in PostgreSQL's COPY text format, made by the workers in parallel so
 * the writer only streams bytes to {@code COPY … FROM STDIN}: one line per enterprise × entitlement,
 * columns {@link #COLUMNS}. An enterprise entitled to nothing has no row (the run counts it).
 */
final class CopyFormat extends ResultFormat {
    /** The columns of the entitlement table, in the order of the COPY lines. */
    static final String COLUMNS = "run_id, row_no, uscc, measure_id, family, delivery, status, amount_yuan, missing, also_based_on, as_of";

    private final String runId;

    CopyFormat(String runId) { this.runId = runId; }

    @Override public byte[] preamble() { return new byte[0]; }

    @Override
    public Session open(OutputStream out) {
        return new Session() {
            final StringBuilder b = new StringBuilder(256);

            @Override public void write(MatchResult r) { throw new UnsupportedOperationException("the row number is needed"); }

            @Override public void write(MatchResult r, long rowNo) throws IOException {
                if (r.entitlements().isEmpty()) return;
                String asOf = String.valueOf(r.asOf());
                b.setLength(0);
                for (Entitlement e : r.entitlements()) {
                    text(runId).append('\t').append(rowNo).append('\t');
                    text(r.uscc()).append('\t');
                    text(e.measureId()).append('\t');
                    text(e.family()).append('\t');
                    text(e.delivery() == null ? null : e.delivery().name()).append('\t');
                    text(e.status().name()).append('\t');
                    if (e.amountYuan() == null) b.append("\\N"); else b.append(e.amountYuan().longValue());
                    b.append('\t');
                    text(e.missing() == null || e.missing().isEmpty() ? null : json(e.missing())).append('\t');
                    text(e.alsoBasedOn() == null || e.alsoBasedOn().isEmpty() ? null : also(e.alsoBasedOn())).append('\t');
                    b.append(asOf).append('\n');
                }
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            }

            /** COPY text escaping: backslash, tab, newline, carriage return; null is \N. */
            private StringBuilder text(String s) {
                if (s == null) return b.append("\\N");
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> b.append("\\\\");
                        case '\t' -> b.append("\\t");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        default -> b.append(c);
                    }
                }
                return b;
            }

            @Override public void close() {}
        };
    }

    /** A JSON array of strings. */
    static String json(List<String> l) throws IOException {
        StringWriter w = new StringWriter(32 * l.size());
        try (JsonGenerator g = GEN.createGenerator(w)) {
            g.writeStartArray();
            for (String s : l) g.writeString(s);
            g.writeEndArray();
        }
        return w.toString();
    }

    /** The other measures of the family: [{measureId, status, amountYuan, missing}]. */
    static String also(List<Entitlement.AlsoBasedOn> l) throws IOException {
        StringWriter w = new StringWriter(64 * l.size());
        try (JsonGenerator g = GEN.createGenerator(w)) {
            g.writeStartArray();
            for (Entitlement.AlsoBasedOn a : l) {
                g.writeStartObject();
                g.writeStringField("measureId", a.measureId());
                g.writeStringField("status", a.status().name());
                if (a.amountYuan() != null) g.writeNumberField("amountYuan", a.amountYuan());
                if (a.missing() != null && !a.missing().isEmpty()) {
                    g.writeArrayFieldStart("missing");
                    for (String s : a.missing()) g.writeString(s);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return w.toString();
    }

    private static final com.fasterxml.jackson.core.JsonFactory GEN = new com.fasterxml.jackson.core.JsonFactory();
}
