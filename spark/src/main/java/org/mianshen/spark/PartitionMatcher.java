package org.mianshen.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.mianshen.engine.Deriver;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.CsvProfiles;
import org.mianshen.io.InputError;
import org.mianshen.io.Json;
import org.mianshen.io.ProfileReader;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Entitlement;
import org.mianshen.model.MatchResult;
import org.mianshen.reference.RiskAreas;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The work of one Spark task on its partition, the steps of {@code batch}'s worker: rows in chunks of
 * {@code chunkSize}; each row parsed and validated ({@code ProfileReader}), its facts derived ({@code Deriver}); the
 * chunk matched with one {@code fireAllRules} on this task's own session of the JVM's shared engine
 * ({@link Rules#engine()}); each result assembled in the compact registry contract ({@code ResultAssembler}).
 * A bad row becomes a reject row with its field and reason and never stops the partition. Rows are pulled and
 * emitted a chunk at a time, so a task holds one chunk, whatever the partition's size.
 */
final class PartitionMatcher implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** Broadcast once per executor (an author's rule texts can be a few hundred KB), not shipped with every task. */
    private final org.apache.spark.broadcast.Broadcast<Rules> rules;
    private final ProfileInput.Shape shape;
    private final int chunkSize;
    /** Jurisdiction prefixes of the rule tree, longest first (the summary's and the partitioning's jurisdiction). */
    private final String[] jurisdictions;

    PartitionMatcher(org.apache.spark.broadcast.Broadcast<Rules> rules, ProfileInput.Shape shape, int chunkSize, String[] jurisdictions) {
        this.rules = rules;
        this.shape = shape;
        this.chunkSize = chunkSize;
        this.jurisdictions = jurisdictions;
    }

    /** The most local jurisdiction of the rule tree the region falls in, {@code national} for none, {@code unknown} without a region. */
    static String jurisdiction(String[] prefixes, String regionCode) {
        if (regionCode == null) return "unknown";
        for (String p : prefixes) if (regionCode.startsWith(p)) return p;
        return "national";
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) throws Exception {
        return new Task(in);
    }

    private static final ProfileReader READER = new ProfileReader();

    private final class Task implements Iterator<Row> {
        private final Iterator<Row> in;
        private final ArrayDeque<Row> out = new ArrayDeque<>();
        private final Rules spec = rules.value();
        private final RuleEngine engine = spec.engine();
        private final Deriver deriver = new Deriver(spec.asOf(), RiskAreas.none());
        private final ResultAssembler assembler = new ResultAssembler(ResultAssembler.Selection.ENTITLEMENTS);
        private final CsvProfiles csv;
        private final org.mianshen.batch.PortableTally tally = new org.mianshen.batch.PortableTally(engine.catalogue());
        private boolean tallied;
        private final java.sql.Date asOf = java.sql.Date.valueOf(spec.asOf());
        private org.mianshen.batch.ChunkMatcher matcher;
        private final List<Enterprise> batch = new ArrayList<>(chunkSize);
        private final List<ProfileReader.Read> reads = new ArrayList<>(chunkSize);
        private final List<String> raws = new ArrayList<>(chunkSize);
        private final List<String> keys = new ArrayList<>(chunkSize);

        Task(Iterator<Row> in) throws InputError {
            this.in = in;
            this.csv = shape.text() ? null : new CsvProfiles(shape.headerLine());
        }

        @Override
        public boolean hasNext() {
            while (out.isEmpty()) {
                if (!in.hasNext()) {
                    if (matcher != null) { matcher.close(); matcher = null; }
                    if (tallied) return false;
                    tallied = true;
                    out.add(row(Output.TALLY, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                            null, null, tally.toBytes()));
                    return true;
                }
                chunk();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return out.poll();
        }

        private void chunk() {
            if (matcher == null) matcher = new org.mianshen.batch.ChunkMatcher(engine);
            batch.clear(); reads.clear(); raws.clear(); keys.clear();
            for (int i = 0; i < chunkSize && in.hasNext(); i++) {
                Row row = in.next();
                String raw = null, key = null;
                try {
                    ProfileReader.Read r;
                    if (shape.text()) {
                        raw = row.getString(0);
                        r = READER.read(raw);
                    } else {
                        String[] cells = new String[shape.header().length];
                        for (int c = 0; c < cells.length; c++) cells[c] = ProfileInput.cell(row.get(c));
                        raw = CsvProfiles.writeRow(cells).strip();
                        key = cells[shape.keyIndex()];
                        if (shape.corruptIndex() >= 0 && !row.isNullAt(shape.corruptIndex())) {
                            raw = row.getString(shape.corruptIndex());
                            throw new InputError("(row)", null, "well-formed CSV with " + cells.length
                                    + " cells as in the header (a quote or a comma too many or too few?)");
                        }
                        r = READER.read((JsonNode) csv.toJson(raw));
                    }
                    Enterprise e = deriver.derive(r.profile());
                    batch.add(e); reads.add(r); raws.add(raw); keys.add(key);
                } catch (InputError e) {
                    reject(key != null ? key : usccOf(raw), raw, e.field() == null || e.field().isEmpty() ? "(row)" : e.field(), e.value(), e.getMessage());
                } catch (RuntimeException e) {
                    reject(key != null ? key : usccOf(raw), raw, "(row)", null, "facts could not be derived: " + e);
                }
            }
            boolean[] failed = matcher.match(batch);
            for (int k = 0; k < batch.size(); k++) {
                Enterprise e = batch.get(k);
                if (failed != null && failed[k]) {
                    reject(e.getUscc(), raws.get(k), "(row)", null, "rule evaluation failed for this profile");
                    continue;
                }
                MatchResult r = assembler.assemble(e, reads.get(k).warnings(), ResultAssembler.Detail.COMPACT);
                emit(r, jurisdiction(jurisdictions, e.regionForJurisdiction()));
                tally.matched(r, e.regionForJurisdiction());
            }
        }

        private void emit(MatchResult r, String jurisdiction) {
            int warnings = r.warnings().size();
            if (r.entitlements().isEmpty()) {
                out.add(row(Output.NOTHING, r.uscc(), jurisdiction, null, null, null, null, null, null, null, null, null, null,
                        asOf, warnings, null, null, null, null, null));
                return;
            }
            int rank = 0;
            for (Entitlement e : r.entitlements()) {
                List<Row> also = null;
                if (e.alsoBasedOn() != null && !e.alsoBasedOn().isEmpty()) {
                    also = new ArrayList<>(e.alsoBasedOn().size());
                    for (Entitlement.AlsoBasedOn a : e.alsoBasedOn())
                        also.add(RowFactory.create(a.measureId(), a.status() == null ? null : a.status().name(), a.amountYuan(),
                                a.missing() == null || a.missing().isEmpty() ? null : seq(a.missing())));
                }
                out.add(row(Output.ENTITLEMENT, r.uscc(), jurisdiction, ++rank, e.measureId(), e.family(),
                        e.delivery() == null ? null : e.delivery().name(), e.status().name(), e.amountYuan(),
                        e.amountPeriod() == null ? null : e.amountPeriod().name(),
                        e.amountMissing() == null || e.amountMissing().isEmpty() ? null : seq(e.amountMissing()),
                        e.missing() == null || e.missing().isEmpty() ? null : seq(e.missing()), also == null ? null : seq(also), asOf,
                        rank == 1 ? warnings : 0, null, null, null, null, null));
            }
        }

        private void reject(String key, String raw, String field, String value, String reason) {
            out.add(row(Output.REJECT, key, null, null, null, null, null, null, null, null, null, null, null, asOf, null,
                    field, value, reason, raw, null));
            tally.rejected(field);
        }

        private static Row row(Object... v) {
            if (v.length != Output.SCHEMA.size()) throw new IllegalStateException(v.length + " values for " + Output.SCHEMA.size() + " columns");
            return RowFactory.create(v);
        }

    }

    /** Spark's row encoder takes an array column as a Scala sequence. */
    static <T> scala.collection.Seq<T> seq(List<T> l) { return scala.jdk.javaapi.CollectionConverters.asScala(l); }

    /** The uscc of a rejected JSON line when it has one (to find the row again), else null. */
    private static String usccOf(String raw) {
        if (raw == null) return null;
        try {
            JsonNode n = Json.MAPPER.readTree(raw);
            JsonNode u = n == null ? null : n.get("uscc");
            return u != null && u.isTextual() ? u.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
