package org.mianshen.batch;

import org.mianshen.io.RecordCutter;

import java.io.IOException;
import java.util.List;

/**
 * Where a batch run's rows come from: a file, stdin ({@link FileSource}) or a database query
 * ({@code org.mianshen.batch.db.DbSource}). Read by the pipeline's reader thread only: it hands over raw
 * records, numbered, without parsing them; the workers parse them with {@link #parser()}.
 */
public interface BatchSource extends AutoCloseable {
    /** Names the source in messages and in the summary (never a credential). */
    String name();

    /** How the workers turn one raw record into a profile (JSON Lines, or CSV with this source's header). */
    RowParser parser();

    /** Warnings for people, printed once before the run (e.g. columns that are not profile fields). */
    default List<String> warnings() { return List.of(); }

    /** The input's size in bytes for a progress ETA, or -1 when unknown. */
    default long size() { return -1; }

    /** Hands the next record to {@code sink} (bytes, offset, length, line or row number); false at the end. */
    boolean next(RecordCutter.Sink sink) throws IOException;

    /** Bytes consumed so far (progress against {@link #size()}). */
    long bytesConsumed();

    /** The line (file) or row number (query) the next record would have. */
    long nextLine();

    @Override
    void close();

    /** The source cannot be opened at all (exit 2); the message is for people. */
    final class OpenError extends Exception {
        public OpenError(String message) { super(message); }
    }
}
