package org.mianshen.batch;

/**
 * The work a batch worker does on one chunk: turn every row into output bytes or a reject. One per
 * worker thread (implementations may hold a Drools session). The pipeline is the same whatever the
 * processor, so the benchmark times the I/O floor, the naive baseline and the real matching through
 * the same reader, queues and writer.
 */
public interface ChunkProcessor extends AutoCloseable {
    /** Processes every row of the chunk; each row ends up written to {@code out.out()} or rejected. */
    void process(Chunk chunk, ChunkOutput out) throws Exception;

    @Override
    default void close() {}

    /** Creates one processor per worker thread. */
    interface Factory {
        ChunkProcessor create(Summary.Tally tally) throws Exception;
    }
}
