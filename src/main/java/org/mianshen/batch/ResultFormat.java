package org.mianshen.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mianshen.io.CsvProfiles;
import org.mianshen.io.Json;
import org.mianshen.model.Entitlement;
import org.mianshen.model.MatchResult;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Serializes match results: JSON Lines (one entitlement-contract object per line) or CSV (one row
 * per enterprise × entitlement; an enterprise entitled to nothing still gets one row with empty
 * entitlement columns, so every matched profile appears in the output).
 */
public abstract class ResultFormat {
    /** Starts a chunk written to {@code out}. */
    public abstract Session open(OutputStream out) throws IOException;

    /** Bytes written once at the start of the output (the CSV header), or empty. */
    public abstract byte[] preamble();

    public interface Session {
        void write(MatchResult r) throws IOException;

        /** Writes the result of the input record at {@code line} (line or row number); formats that need no key ignore it. */
        default void write(MatchResult r, long line) throws IOException { write(r); }

        /** Writes the result with the enterprise it was matched for (the registry contract writes its regionCode). */
        default void write(MatchResult r, org.mianshen.model.Enterprise e, long line) throws IOException { write(r, line); }

        void close() throws IOException;
    }

    public static ResultFormat of(BatchRunner.Format f) { return f == BatchRunner.Format.CSV ? new Csv() : new JsonLines(); }

    static final class JsonLines extends ResultFormat {
        private final com.fasterxml.jackson.databind.ObjectMapper mapper = EntitlementSerializer.mapper();
        private final ObjectWriter W = mapper.writerFor(MatchResult.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

        @Override public Session open(OutputStream out) throws IOException {
            JsonGenerator g = mapper.getFactory().createGenerator(out);
            g.setRootValueSeparator(null);
            return new Session() {
                @Override public void write(MatchResult r) throws IOException { W.writeValue(g, r); g.writeRaw('\n'); }
                @Override public void close() throws IOException { g.close(); }
            };
        }

        @Override public byte[] preamble() { return new byte[0]; }
    }

    /** CSV columns of the output (docs/batch.md). */
    public static final List<String> CSV_COLUMNS = List.of("uscc", "name", "asOf", "entityType", "scale", "county",
            "measureId", "family", "status", "title", "benefitType", "amountYuan", "detail", "missing", "confirm",
            "document", "docNumber", "article", "source", "validFrom", "validTo", "alsoBasedOn", "warnings");

    static final class Csv extends ResultFormat {
        @Override public Session open(OutputStream out) {
            return new Session() {
                final String[] row = new String[CSV_COLUMNS.size()];

                @Override public void write(MatchResult r) throws IOException {
                    var d = r.derived();
                    String warnings = r.warnings().isEmpty() ? null : String.join("; ", r.warnings());
                    if (r.entitlements().isEmpty()) {
                        fill(r, d, null, warnings);
                        emit(out);
                    }
                    for (Entitlement e : r.entitlements()) {
                        fill(r, d, e, warnings);
                        emit(out);
                    }
                }

                private void fill(MatchResult r, MatchResult.Derived d, Entitlement e, String warnings) {
                    java.util.Arrays.fill(row, null);
                    row[0] = r.uscc(); row[1] = r.name(); row[2] = String.valueOf(r.asOf());
                    row[3] = d.entityType() == null ? null : d.entityType().name();
                    row[4] = d.scale() == null ? null : d.scale().name();
                    row[5] = d.county();
                    row[22] = warnings;
                    if (e == null) return;
                    row[6] = e.measureId(); row[7] = e.family(); row[8] = e.status().name(); row[9] = e.title();
                    row[10] = e.benefitType(); row[11] = e.amountYuan() == null ? null : e.amountYuan().toString();
                    row[12] = e.detail(); row[13] = join(e.missing()); row[14] = join(e.confirm());
                    if (e.basis() != null) {
                        row[15] = e.basis().document(); row[16] = e.basis().docNumber(); row[17] = e.basis().article();
                        row[18] = e.basis().source();
                    }
                    row[19] = e.validFrom() == null ? null : e.validFrom().toString();
                    row[20] = e.validTo() == null ? null : e.validTo().toString();
                    if (e.alsoBasedOn() != null && !e.alsoBasedOn().isEmpty())
                        row[21] = String.join("|", e.alsoBasedOn().stream().map(Entitlement.AlsoBasedOn::measureId).toList());
                }

                private void emit(OutputStream o) throws IOException {
                    o.write(CsvProfiles.writeRow(row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }

                @Override public void close() {}
            };
        }

        @Override public byte[] preamble() {
            return CsvProfiles.writeRow(CSV_COLUMNS.toArray(String[]::new)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        private static String join(List<String> l) { return l == null || l.isEmpty() ? null : String.join("; ", l); }
    }
}
