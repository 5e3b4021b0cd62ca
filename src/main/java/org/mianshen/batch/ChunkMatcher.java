package org.mianshen.batch;

import org.mianshen.engine.Matcher;
import org.mianshen.engine.RuleEngine;
import org.mianshen.model.Enterprise;

import java.util.List;

/**
 * Matches a chunk of enterprises in one session and keeps one bad fact from sinking the chunk: when the chunk fails,
 * a fresh session matches it row by row and the rows that still fail are marked. Shared by batch's workers and the
 * Spark job's partitions. Not thread-safe: one per worker.
 */
public final class ChunkMatcher implements AutoCloseable {
    private final RuleEngine engine;
    private Matcher matcher;

    public ChunkMatcher(RuleEngine engine) {
        this.engine = engine;
        this.matcher = engine.newMatcher();
    }

    /** Fires the rules for the chunk; null when every row matched, else the rows whose evaluation failed. */
    public boolean[] match(List<Enterprise> chunk) {
        try {
            matcher.match(chunk);
            return null;
        } catch (RuntimeException whole) {
            boolean[] failed = new boolean[chunk.size()];
            renew();
            for (int k = 0; k < chunk.size(); k++) {
                Enterprise e = chunk.get(k);
                e.hits.clear();
                try { matcher.match(e); } catch (RuntimeException one) { failed[k] = true; renew(); }
            }
            return failed;
        }
    }

    private void renew() {
        try { matcher.close(); } catch (RuntimeException ignored) { /* the session is discarded anyway */ }
        matcher = engine.newMatcher();
    }

    @Override
    public void close() { matcher.close(); }
}
