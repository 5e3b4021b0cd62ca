package org.mianshen.batch;

import org.mianshen.engine.Deriver;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.InputError;
import org.mianshen.io.ProfileReader;
import org.mianshen.model.Enterprise;
import org.mianshen.model.MatchResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch worker's job on a chunk: parse and validate every row, derive its facts, match the whole
 * chunk with one {@code fireAllRules} on this worker's own session, assemble and serialize the results.
 * A row that fails anywhere becomes a reject; it never stops the chunk.
 */
public final class MatchingProcessor implements ChunkProcessor {
    private final RowParser parser;
    private final Deriver deriver;
    private final ResultAssembler assembler;
    private final ResultFormat format;
    private final Summary.Tally tally;
    private final ResultAssembler.Detail detail;
    private final ChunkMatcher matcher;
    private final List<Enterprise> batch = new ArrayList<>(1024);
    private final List<ProfileReader.Read> reads = new ArrayList<>(1024);
    private final List<Integer> index = new ArrayList<>(1024);

    public MatchingProcessor(RuleEngine engine, RowParser parser, Deriver deriver, ResultAssembler assembler,
                             ResultFormat format, Summary.Tally tally, ResultAssembler.Detail detail) {
        this.detail = detail;
        this.parser = parser;
        this.deriver = deriver;
        this.assembler = assembler;
        this.format = format;
        this.tally = tally;
        this.matcher = new ChunkMatcher(engine);
    }

    @Override
    public void process(Chunk c, ChunkOutput out) throws Exception {
        batch.clear(); reads.clear(); index.clear();
        for (int i = 0; i < c.size(); i++) {
            String raw = c.row(i);
            try {
                ProfileReader.Read r = parser.parse(raw);
                Enterprise e = deriver.derive(r.profile());
                batch.add(e); reads.add(r); index.add(i);
            } catch (InputError e) {
                out.reject(c.line(i), raw, e);
                tally.rejected(e.field());
            } catch (RuntimeException e) {
                out.reject(c.line(i), raw, "(row)", null, "facts could not be derived: " + e);
                tally.rejected("(row)");
            }
        }
        boolean[] failed = matcher.match(batch);
        ResultFormat.Session s = format.open(out.out());
        for (int k = 0; k < batch.size(); k++) {
            int i = index.get(k);
            if (failed != null && failed[k]) {
                out.reject(c.line(i), c.row(i), "(row)", null, "rule evaluation failed for this profile");
                tally.rejected("(row)");
                continue;
            }
            Enterprise e = batch.get(k);
            MatchResult r = assembler.assemble(e, reads.get(k).warnings(), detail);
            s.write(r, e, c.line(i));
            out.wrote();
            if (r.entitlements().isEmpty()) out.wroteNone();
            tally.matched(r, e.regionForJurisdiction());
        }
        s.close();
    }

    @Override
    public void close() { matcher.close(); }
}
