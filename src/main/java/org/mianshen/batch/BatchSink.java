package org.mianshen.batch;

import org.mianshen.engine.ResultAssembler;

import java.io.IOException;

/**
 * Where a batch run's results go: files or stdout ({@link FileSink}) or database tables
 * ({@code org.mianshen.batch.db.DbSink}). The workers serialize each chunk with {@link #format()};
 * the writer thread hands the chunks to {@link #write} (in input order when {@link #needsInputOrder()}),
 * then the run ends with exactly one of {@link #commit} or {@link #abort}.
 */
public interface BatchSink {
    /** How the workers serialize a chunk's good rows (in parallel, before the writer sees them). */
    ResultFormat format();

    /** What each entitlement must carry for this sink. */
    ResultAssembler.Detail detail();

    /** True when chunks must arrive in input order whatever {@code --unordered} says (resumable sinks). */
    default boolean needsInputOrder() { return false; }

    /** Before the first chunk (a CSV header, …). */
    void begin() throws IOException;

    /** One chunk's serialized rows and rejects; called by the writer thread only. */
    void write(ChunkOutput.Done chunk) throws IOException;

    /**
     * The run read its whole input. {@code publish} false: rows were rejected under {@code --fail-on-reject};
     * the rejects are kept, the output is not published.
     */
    void commit(Summary.Report report, boolean publish) throws IOException;

    /** Failure or interrupt: nothing that is not published survives. May be called from a shutdown hook. */
    void abort();

    /** The output's name in the summary and in messages. */
    String name();

    /** The rejects' name in the summary, or null when they are only counted. */
    String rejectsName();

    /** What an interrupted or failed run left behind, for people ("nothing written to out.jsonl"). */
    String leftBehind();

    /** A line for people after a completed run (e.g. the run's totals in the database), or null. */
    default String closingLine() { return null; }
}
