package org.mianshen.batch.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.mianshen.batch.Chunk;
import org.mianshen.batch.ChunkOutput;
import org.mianshen.batch.ChunkProcessor;
import org.mianshen.batch.ResultFormat;
import org.mianshen.batch.RowParser;
import org.mianshen.engine.Deriver;
import org.mianshen.engine.Matcher;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.InputError;
import org.mianshen.io.Json;
import org.mianshen.io.ProfileReader;
import org.mianshen.model.Enterprise;
import org.mianshen.model.MatchResult;
import org.mianshen.model.Profile;

import java.io.IOException;

/** The baselines the benchmark runs through the same pipeline as {@code batch}. */
final class Baselines {
    private Baselines() {}

    /** The I/O floor: Jackson parse of each row into a Profile and write of it back, no validation, no matching. */
    static ChunkProcessor.Factory ioFloor() {
        ObjectReader r = Json.MAPPER.readerFor(Profile.class);
        ObjectWriter w = Json.MAPPER.writerFor(Profile.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        return tally -> (chunk, out) -> {
            JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out.out());
            g.setRootValueSeparator(null);
            for (int i = 0; i < chunk.size(); i++) {
                String raw = chunk.row(i);
                Profile p;
                try { p = r.readValue(raw); }
                catch (IOException e) { out.reject(chunk.line(i), raw, "(row)", null, String.valueOf(e.getMessage())); continue; }
                w.writeValue(g, p);
                g.writeRaw('\n');
                out.wrote();
            }
            g.close();
        };
    }

    /**
     * The engine ceiling: the I/O floor plus what no output contract can avoid — validate, derive and
     * match every profile with a reused session per chunk, exactly as {@code batch} does — but the row
     * written is the parsed profile again (the floor's output), not its entitlements. No output format
     * can make {@code batch} faster than this; the gap between it and {@code batch} is the cost of
     * assembling and writing results.
     */
    static ChunkProcessor.Factory engineCeiling(RuleEngine engine, Deriver deriver) {
        ObjectWriter w = Json.MAPPER.writerFor(Profile.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        RowParser parser = new RowParser(null);
        return tally -> new ChunkProcessor() {
            final Matcher matcher = engine.newMatcher();
            final java.util.List<Enterprise> batch = new java.util.ArrayList<>();
            long grants;

            @Override public void process(Chunk c, ChunkOutput out) throws Exception {
                batch.clear();
                java.util.List<Profile> profiles = new java.util.ArrayList<>(c.size());
                for (int i = 0; i < c.size(); i++) {
                    String raw = c.row(i);
                    try {
                        ProfileReader.Read read = parser.parse(raw);
                        batch.add(deriver.derive(read.profile()));
                        profiles.add(read.profile());
                    } catch (InputError x) { out.reject(c.line(i), raw, x); }
                }
                matcher.match(batch);
                JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out.out());
                g.setRootValueSeparator(null);
                for (int k = 0; k < batch.size(); k++) {
                    grants += batch.get(k).hits.size();
                    w.writeValue(g, profiles.get(k));
                    g.writeRaw('\n');
                    out.wrote();
                }
                g.close();
            }

            @Override public void close() {
                GRANTS.addAndGet(grants);
                matcher.close();
            }
        };
    }

    /** Grants recorded by the engine-ceiling runs (to report grants per profile). */
    static final java.util.concurrent.atomic.AtomicLong GRANTS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The naive baseline: everything {@code batch} does per row (parse, validate, derive, assemble,
     * write) but one {@code StatelessKieSession.execute} per profile instead of one reused session per
     * chunk, on the rules as written (each firing once per enterprise: {@code engine} is
     * {@link RuleEngine#bundled()}).
     */
    static ChunkProcessor.Factory naive(RuleEngine engine, Deriver deriver, ResultFormat format) {
        // The rules as written (RuleEngine.bundled(): one activation per enterprise), not batch's form, which
        // pays off only with many enterprises per fireAllRules.
        KieBase kieBase = kieBase(engine);
        RowParser parser = new RowParser(null);
        ResultAssembler assembler = new ResultAssembler();
        return tally -> new ChunkProcessor() {
            final StatelessKieSession session = kieBase.newStatelessKieSession();
            final Matcher sink = engine.newMatcher();     // used only as the GrantSink, never to match

            @Override public void process(Chunk c, ChunkOutput out) throws Exception {
                ResultFormat.Session s = format.open(out.out());
                for (int i = 0; i < c.size(); i++) {
                    String raw = c.row(i);
                    ProfileReader.Read read;
                    Enterprise e;
                    try {
                        read = parser.parse(raw);
                        e = deriver.derive(read.profile());
                    } catch (InputError x) { out.reject(c.line(i), raw, x); continue; }
                    e.sink = sink;
                    session.execute(e);
                    MatchResult r = assembler.assemble(e, read.warnings());
                    s.write(r);
                    out.wrote();
                }
                s.close();
            }

            @Override public void close() { sink.close(); }
        };
    }

    private static KieBase kieBase(RuleEngine engine) {
        try {
            var m = RuleEngine.class.getDeclaredMethod("kieBase");
            m.setAccessible(true);
            return (KieBase) m.invoke(engine);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the KieBase of the rule engine", e);
        }
    }
}
