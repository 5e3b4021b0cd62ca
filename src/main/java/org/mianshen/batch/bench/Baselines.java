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

/** The two baselines the benchmark runs through the same pipeline as {@code batch}. */
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
     * The naive baseline: everything {@code batch} does per row (parse, validate, derive, assemble,
     * write) but one {@code StatelessKieSession.execute} per profile instead of one reused session per
     * chunk.
     */
    static ChunkProcessor.Factory naive(RuleEngine engine, Deriver deriver, ResultFormat format) {
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
