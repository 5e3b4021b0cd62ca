package org.mianshen.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.mianshen.io.CsvProfiles;
import org.mianshen.io.Json;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;
import org.mianshen.model.MatchResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The registry contract (batch's default, docs/batch.md): per enterprise only what differs between enterprises.
 * <pre>
 * {"uscc":"…","name":"…","regionCode":"410724","scale":"MICRO","smallLowProfit":true,
 *  "entitlements":[{"measureId":"…","family":"…","delivery":"AUTOMATIC","status":"ELIGIBLE","amountYuan":3000,
 *                   "missing":["…"],"alsoBasedOn":["…","…"]}, …],"warnings":["…"]}
 * </pre>
 * {@code amountYuan}, {@code amountPeriod}, {@code amountMissing}, {@code missing}, {@code alsoBasedOn} and {@code warnings} are left out when empty. {@code detail}
 * is written only where the grant's differs from the measure's constant detail in the measures file (a rule that
 * computes it per enterprise), {@code "detail":null} where the measure has a constant one but this grant none.
 * CSV: one row per enterprise × entitlement, the same columns (an enterprise entitled to nothing: one row, empty
 * measure columns).
 */
abstract class RegistryFormat extends ResultFormat {
    final Map<String, String> constantDetails;

    RegistryFormat(Map<String, String> constantDetails) { this.constantDetails = constantDetails; }

    static ResultFormat of(BatchRunner.Format f, Map<String, String> constantDetails) {
        return f == BatchRunner.Format.CSV ? new Csv(constantDetails) : new JsonLines(constantDetails);
    }

    /** The detail to write on the line, or {@link #SAME} when the measures file's detail is this grant's. */
    final String lineDetail(Entitlement e) {
        String constant = constantDetails.get(e.measureId());
        if (Objects.equals(constant, e.detail()) && (constant != null || !constantDetails.containsKey(e.measureId()))) return SAME;
        return e.detail();
    }

    static final String SAME = new String("=");

    /** CSV columns of the registry contract. */
    static final List<String> CSV_COLUMNS = List.of("uscc", "name", "regionCode", "scale", "smallLowProfit", "measureId", "family",
            "delivery", "status", "amountYuan", "amountPeriod", "amountMissing", "detail", "missing", "alsoBasedOn", "warnings");

    static final class JsonLines extends RegistryFormat {
        private static final SerializedString USCC = new SerializedString("uscc"), NAME = new SerializedString("name"),
                REGION = new SerializedString("regionCode"), SCALE = new SerializedString("scale"),
                SLP = new SerializedString("smallLowProfit"), ENT = new SerializedString("entitlements"),
                ID = new SerializedString("measureId"), FAMILY = new SerializedString("family"),
                DELIVERY = new SerializedString("delivery"), STATUS = new SerializedString("status"),
                AMOUNT = new SerializedString("amountYuan"), PERIOD = new SerializedString("amountPeriod"),
                AMOUNT_MISSING = new SerializedString("amountMissing"), DETAIL = new SerializedString("detail"),
                MISSING = new SerializedString("missing"), ALSO = new SerializedString("alsoBasedOn"),
                WARNINGS = new SerializedString("warnings"),
                ELIGIBLE = new SerializedString(Grant.Status.ELIGIBLE.name()), NEEDS_INFO = new SerializedString(Grant.Status.NEEDS_INFO.name());
        private final Map<String, SerializedString> strings = new java.util.concurrent.ConcurrentHashMap<>();

        JsonLines(Map<String, String> constantDetails) { super(constantDetails); }

        /** Measure ids, families, delivery names: few distinct values, encoded once. */
        private SerializedString s(String v) { return strings.computeIfAbsent(v, SerializedString::new); }

        @Override public Session open(OutputStream out) throws IOException {
            JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
            g.setRootValueSeparator(null);
            return new Session() {
                @Override public void write(MatchResult r) throws IOException { write(r, null, 0); }

                @Override public void write(MatchResult r, Enterprise en, long line) throws IOException {
                    g.writeStartObject();
                    g.writeFieldName(USCC); g.writeString(r.uscc());
                    g.writeFieldName(NAME); if (r.name() == null) g.writeNull(); else g.writeString(r.name());
                    // the place the measures were matched for: the profile's code, else the one derived from the USCC (retired codes followed)
                    String region = en != null ? en.regionForJurisdiction() : r.derived().county();
                    g.writeFieldName(REGION); if (region == null) g.writeNull(); else g.writeString(region);
                    g.writeFieldName(SCALE); if (r.derived().scale() == null) g.writeNull(); else g.writeString(s(r.derived().scale().name()));
                    g.writeFieldName(SLP); if (r.derived().smallLowProfit() == null) g.writeNull(); else g.writeBoolean(r.derived().smallLowProfit());
                    g.writeFieldName(ENT);
                    g.writeStartArray();
                    for (Entitlement e : r.entitlements()) {
                        g.writeStartObject();
                        g.writeFieldName(ID); g.writeString(s(e.measureId()));
                        if (e.family() != null) { g.writeFieldName(FAMILY); g.writeString(s(e.family())); }
                        if (e.delivery() != null) { g.writeFieldName(DELIVERY); g.writeString(s(e.delivery().name())); }
                        g.writeFieldName(STATUS); g.writeString(e.status() == Grant.Status.ELIGIBLE ? ELIGIBLE : NEEDS_INFO);
                        if (e.amountYuan() != null) { g.writeFieldName(AMOUNT); g.writeNumber(e.amountYuan()); }
                        if (e.amountPeriod() != null) { g.writeFieldName(PERIOD); g.writeString(s(e.amountPeriod().name())); }
                        if (e.amountMissing() != null && !e.amountMissing().isEmpty()) strings(g, AMOUNT_MISSING, e.amountMissing());
                        String d = lineDetail(e);
                        if (d != SAME) { g.writeFieldName(DETAIL); if (d == null) g.writeNull(); else g.writeString(d); }
                        if (e.missing() != null && !e.missing().isEmpty()) strings(g, MISSING, e.missing());
                        if (e.alsoBasedOn() != null && !e.alsoBasedOn().isEmpty()) {
                            g.writeFieldName(ALSO);
                            g.writeStartArray();
                            for (Entitlement.AlsoBasedOn a : e.alsoBasedOn()) g.writeString(s(a.measureId()));
                            g.writeEndArray();
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    if (!r.warnings().isEmpty()) strings(g, WARNINGS, r.warnings());
                    g.writeEndObject();
                    g.writeRaw('\n');
                }

                @Override public void close() throws IOException { g.close(); }
            };
        }

        private static void strings(JsonGenerator g, SerializedString name, List<String> l) throws IOException {
            g.writeFieldName(name);
            g.writeStartArray();
            for (String x : l) { if (x == null) g.writeNull(); else g.writeString(x); }
            g.writeEndArray();
        }

        @Override public byte[] preamble() { return new byte[0]; }
    }

    static final class Csv extends RegistryFormat {
        Csv(Map<String, String> constantDetails) { super(constantDetails); }

        @Override public Session open(OutputStream out) {
            return new Session() {
                final String[] row = new String[CSV_COLUMNS.size()];

                @Override public void write(MatchResult r) throws IOException { write(r, null, 0); }

                @Override public void write(MatchResult r, Enterprise en, long line) throws IOException {
                    java.util.Arrays.fill(row, null);
                    row[0] = r.uscc(); row[1] = r.name();
                    row[2] = en != null ? en.regionForJurisdiction() : r.derived().county();
                    row[3] = r.derived().scale() == null ? null : r.derived().scale().name();
                    row[4] = r.derived().smallLowProfit() == null ? null : r.derived().smallLowProfit().toString();
                    row[15] = r.warnings().isEmpty() ? null : String.join("; ", r.warnings());
                    if (r.entitlements().isEmpty()) { emit(); return; }
                    for (Entitlement e : r.entitlements()) {
                        row[5] = e.measureId(); row[6] = e.family(); row[7] = e.delivery() == null ? null : e.delivery().name();
                        row[8] = e.status().name(); row[9] = e.amountYuan() == null ? null : e.amountYuan().toString();
                        row[10] = e.amountPeriod() == null ? null : e.amountPeriod().name();
                        row[11] = e.amountMissing() == null || e.amountMissing().isEmpty() ? null : String.join("; ", e.amountMissing());
                        String d = lineDetail(e);
                        row[12] = d == SAME ? null : d;
                        row[13] = e.missing() == null || e.missing().isEmpty() ? null : String.join("; ", e.missing());
                        row[14] = e.alsoBasedOn() == null || e.alsoBasedOn().isEmpty() ? null
                                : String.join("|", e.alsoBasedOn().stream().map(Entitlement.AlsoBasedOn::measureId).toList());
                        emit();
                    }
                }

                private void emit() throws IOException { out.write(CsvProfiles.writeRow(row).getBytes(StandardCharsets.UTF_8)); }

                @Override public void close() {}
            };
        }

        @Override public byte[] preamble() {
            return CsvProfiles.writeRow(CSV_COLUMNS.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
        }
    }
}
