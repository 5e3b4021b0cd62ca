package org.mianshen.batch;

import org.mianshen.engine.Deriver;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;
import org.mianshen.reference.RiskAreas;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The batch pipeline (docs/batch.md):
 * <pre>
 * source (file, stdin, query) ─> reader thread ─ raw records, cut in chunks, numbered ─> bounded queue ─> N workers (parse, validate, derive,
 *   match the chunk with one fireAllRules on the worker's own session, assemble, serialize) ─> writer (this thread):
 *   chunks in input order through a bounded reorder window ─> sink (temporary file renamed on success, or
 *   database tables written in one transaction per chunk)
 * </pre>
 * Memory is bounded by the number of chunks in flight (a semaphore the reader takes and the writer
 * gives back), not by the size of the input. Every row read is either written or rejected; the run
 * checks {@code read = written + rejected} before it publishes anything.
 */
public final class BatchRunner {
    public enum Format {
        JSONL, CSV;

        /** By file extension: .csv → CSV, .jsonl/.ndjson/.json → JSON Lines (also "-" = JSON Lines). */
        public static Format of(String name) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
            if (n.endsWith(".csv")) return CSV;
            if (n.equals("-") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") || n.endsWith(".txt")) return JSONL;
            return null;
        }
    }

    /** What to run. {@code input}/{@code output} "-" = stdin/stdout; null output = stdout. */
    public record Options(String input, String output, Format inFormat, Format outFormat, LocalDate asOf, RiskAreas riskAreas,
                          int threads, Path rejects, Path summary, boolean ordered, int chunkSize, boolean failOnReject,
                          boolean progress, boolean compact, Contract contract, boolean resume) {
        /** {@code compact}: the compact contract, else the full one (the registry contract: {@link Contract#REGISTRY}). */
        public Options(String input, String output, Format inFormat, Format outFormat, LocalDate asOf, RiskAreas riskAreas,
                       int threads, Path rejects, Path summary, boolean ordered, int chunkSize, boolean failOnReject,
                       boolean progress, boolean compact) {
            this(input, output, inFormat, outFormat, asOf, riskAreas, threads, rejects, summary, ordered, chunkSize,
                    failOnReject, progress, compact, compact ? Contract.COMPACT : Contract.FULL, false);
        }

        /** Without {@code compact}: every entitlement in the full contract. */
        public Options(String input, String output, Format inFormat, Format outFormat, LocalDate asOf, RiskAreas riskAreas,
                       int threads, Path rejects, Path summary, boolean ordered, int chunkSize, boolean failOnReject,
                       boolean progress) {
            this(input, output, inFormat, outFormat, asOf, riskAreas, threads, rejects, summary, ordered, chunkSize,
                    failOnReject, progress, false);
        }

        public Options {
            if (contract == null) contract = compact ? Contract.COMPACT : Contract.FULL;
            compact = contract == Contract.COMPACT;
            if (threads <= 0) threads = Runtime.getRuntime().availableProcessors();
            if (chunkSize <= 0) chunkSize = DEFAULT_CHUNK;
            if (asOf == null) asOf = LocalDate.now();
            if (riskAreas == null) riskAreas = RiskAreas.none();
            if (inFormat == null) inFormat = Format.of(input);
            if (outFormat == null) outFormat = output == null || output.equals("-") ? Format.JSONL : Format.of(output);
            if (outFormat == null && Files.exists(Path.of(output)) && !Files.isRegularFile(Path.of(output))) outFormat = Format.JSONL; // /dev/null, a FIFO
        }

        public static Options of(String input, String output) {
            return new Options(input, output, null, null, null, null, 0, null, null, true, 0, false, false);
        }
    }

    /** How a run ended: exit code (0, 1, 2, 130), the summary, and a message for people when it did not complete. */
    public record Result(int exitCode, Summary.Report report, String message, long bytesWritten) {}

    public static final int OK = 0, INTERNAL = 1, BAD_INPUT = 2, INTERRUPTED = 130;

    /**
     * Profiles per chunk (one fireAllRules each). With the current rule tree a result is ~85 KB of JSON, so a
     * chunk of 250 is ~21 MB of output; 2 × threads + 2 chunks in flight bound the memory the pipeline holds.
     */
    public static final int DEFAULT_CHUNK = 250;

    private final RuleEngine engine;
    private final Options o;
    private final PrintWriter err;
    private ChunkProcessor.Factory factory;      // null = the real matching processor
    private BatchSource source;                  // null = the file (or stdin) named in the options
    private BatchSink sink;                      // null = the file (or stdout) named in the options
    private volatile boolean cancelled;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object commitLock = new Object();
    private boolean finished;                    // guarded by commitLock: committed or cleaned up
    private final List<Path> temps = new ArrayList<>();   // the summary's temporary file
    private final AtomicLong rowsRead = new AtomicLong();
    private volatile long writtenRows, rejectedRows, lastLineDone, bytesOut;
    private final List<Thread> threads = new ArrayList<>();
    private BatchRules rules;                    // null = the bundled rule tree
    private Path checkpointFile;                 // a resumable run's checkpoint, once one was written
    private volatile boolean checkpointed;
    private volatile boolean keptForResume;      // interrupted: the partial files and checkpoint stay for --resume
    /** Test hook: a run slow enough to be killed at chosen points (the resume test). */
    private final long pauseMs = Long.getLong("mianshen.batch.pauseAfterChunkMs", 0);
    /** At most one checkpoint (flush, fsync, rename) per this many milliseconds; 0 = after every chunk. */
    private final long checkpointMs = Long.getLong("mianshen.batch.checkpointMs", 1000);

    public BatchRunner(RuleEngine engine, Options options, PrintWriter err) {
        this.engine = engine;
        this.o = options;
        this.err = err;
    }

    /** Replaces the matching processor (the benchmark's I/O floor and naive baseline). */
    public BatchRunner processor(ChunkProcessor.Factory f) { this.factory = f; return this; }

    /** Reads from this (opened) source instead of the options' input; the run closes it. */
    public BatchRunner from(BatchSource s) { this.source = s; return this; }

    /** Writes to this (opened) sink instead of the options' output and rejects files. */
    public BatchRunner to(BatchSink s) { this.sink = s; return this; }

    /** The rule sources the engine was built from (fingerprint for checkpoints, constant details for the registry contract). */
    public BatchRunner rules(BatchRules r) { this.rules = r; return this; }

    private BatchRules rules() {
        if (rules == null) rules = BatchRules.bundled();
        return rules;
    }

    /** Stops the run as an interrupt would: no output is published. Safe from any thread. */
    public void cancel() { cancelled = true; }

    public Result run() {
        long t0 = System.nanoTime();
        if (source == null && o.inFormat() == null) return fail(BAD_INPUT, o.input() + ": unknown input format (use .jsonl or .csv, or - for JSON Lines on stdin)");
        if (sink == null && o.outFormat() == null) return fail(BAD_INPUT, o.output() + ": unknown output format (use .jsonl or .csv)");
        BatchSource src = source;
        FileSink fileSink = null;
        Checkpoint.Key key = null;
        Checkpoint from = null;
        if (sink == null) {
            boolean registry = o.contract() == Contract.REGISTRY;
            fileSink = new FileSink(o.output(), o.outFormat(), o.rejects(), o.contract(),
                    registry ? rules().constantDetails() : java.util.Map.of());
            if (registry) fileSink.measures(MeasuresFile.of(engine.catalogue(), rules().constantDetails(), o.asOf(), rules().fingerprint(),
                    o.output() == null ? null : Path.of(o.output()).getFileName().toString()));
            // A file-to-file run in input order checkpoints as it goes, so a killed run can be resumed (--resume).
            boolean resumable = src == null && factory == null && o.ordered() && !o.input().equals("-") && fileSink.resumable()
                    && (o.rejects() == null || !Files.exists(o.rejects()) || Files.isRegularFile(o.rejects()));
            if (resumable) {
                checkpointFile = Checkpoint.beside(Path.of(o.output()).toAbsolutePath());
                key = runKey();
            } else if (o.resume()) {
                return fail(BAD_INPUT, "--resume needs a file input and a file output written in input order (not stdin/stdout, not --unordered)");
            }
            if (o.resume() && Files.exists(checkpointFile)) {
                try { from = Checkpoint.read(checkpointFile); }
                catch (IOException e) { return fail(BAD_INPUT, "cannot resume: " + e.getMessage()); }
                String diff = from.key().differenceFrom(key);
                if (diff != null) return fail(BAD_INPUT, "cannot resume " + o.output() + ": " + diff
                        + ". Resume with the options the run was started with, or run without --resume to start again");
                err.println("mianshen batch: resuming after input line " + (from.nextLine() - 1) + " (" + String.format("%,d", from.rows())
                        + " rows done)");
            } else if (o.resume()) {
                err.println("mianshen batch: no checkpoint for " + o.output() + ": starting from the beginning");
            } else if (checkpointFile != null && Files.exists(checkpointFile)) {
                err.println("mianshen batch: warning: " + o.output() + " has the checkpoint of an unfinished run; starting again (--resume continues it)");
            }
        }
        if (src == null) {
            try { src = from == null ? FileSource.open(o.input(), o.inFormat()) : FileSource.openAt(o.input(), o.inFormat(), from.inputOffset(), from.nextLine()); }
            catch (BatchSource.OpenError e) { return fail(BAD_INPUT, e.getMessage()); }
        }
        for (String w : src.warnings()) err.println("mianshen batch: warning: " + w);
        if (sink == null) {
            FileSink fs = fileSink;
            try {
                if (checkpointFile != null) {
                    fs.openResumable(from);
                    if (from == null) Files.deleteIfExists(checkpointFile);
                } else fs.open();
                sink = fs;
            }
            catch (IOException e) {
                fs.abort();
                src.close();
                return fail(BAD_INPUT, (from != null ? "cannot resume: " : "cannot create output: ") + e.getMessage());
            }
        }
        final Checkpoint.Key runKey = key;
        final double earlier = from == null ? 0 : from.elapsedSeconds();
        if (from != null) {
            rowsRead.set(from.rows());
            writtenRows = from.written();
            rejectedRows = from.rejected();
            lastLineDone = from.nextLine() - 1;
            checkpointed = true;
        }
        final BatchSource in = src;
        final BatchSink out = sink;
        final String unit = in instanceof FileSource ? "line " : "row ";
        boolean ordered = o.ordered() || out.needsInputOrder();
        Thread hook = new Thread(() -> onShutdown(unit), "mianshen-batch-shutdown");
        boolean hooked = false;
        try { Runtime.getRuntime().addShutdownHook(hook); hooked = true; } catch (IllegalStateException ignored) { }

        Summary.Jurisdictions jur = new Summary.Jurisdictions(engine.catalogue());
        Summary.Tally sum = new Summary.Tally(jur);          // the chunks written so far (the writer's)
        if (from != null) from.tally().addTo(sum);
        RowParser parser = in.parser();
        Deriver deriver = new Deriver(o.asOf(), o.riskAreas());
        ResultAssembler assembler = new ResultAssembler();
        ResultFormat format = out.format();
        ResultAssembler.Detail detail = out.detail();
        ChunkProcessor.Factory f = factory != null ? factory
                : tally -> new MatchingProcessor(engine, parser, deriver, assembler, format, tally, detail);

        int n = o.threads();
        int inFlight = n * 2 + 2;
        Semaphore permits = new Semaphore(inFlight);
        BlockingQueue<Chunk> work = new ArrayBlockingQueue<>(inFlight + n);
        BlockingQueue<ChunkOutput.Done> done = new LinkedBlockingQueue<>();
        AtomicLong totalChunks = new AtomicLong(-1);
        List<Summary.Tally> tallies = new ArrayList<>();
        Chunk poison = new Chunk(-1, 1, 1);

        // ---- reader ----
        Thread reader = new Thread(() -> {
            long seq = 0;
            try {
                Chunk[] cur = {null};
                long[] s = {0};
                int bytesHint = 1 << 16;
                while (!cancelled && failure.get() == null) {
                    permits.acquire();
                    Chunk c = new Chunk(s[0], o.chunkSize(), bytesHint);
                    cur[0] = c;
                    while (!c.full() && in.next((d, off, len, line) -> cur[0].add(d, off, len, line))) { }
                    c.bytesEnd = in.bytesConsumed();
                    c.nextLine = in.nextLine();
                    rowsRead.addAndGet(c.size);
                    if (c.size == 0) { permits.release(); break; }
                    bytesHint = Math.max(bytesHint, c.used + c.used / 8);
                    work.put(c);
                    s[0]++;
                    if (!c.full()) break;
                }
                seq = s[0];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                failure.compareAndSet(null, new InputReadError("input could not be read after " + unit + (in.nextLine() - 1) + ": " + e.getMessage()));
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                totalChunks.set(failure.get() == null && !cancelled ? seq : -2);
                for (int i = 0; i < n; i++) work.offer(poison);
                in.close();
            }
        }, "mianshen-batch-reader");
        reader.setDaemon(true);
        threads.add(reader);

        // ---- workers ----
        for (int w = 0; w < n; w++) {
            Summary.Tally tally = new Summary.Tally(jur);
            tallies.add(tally);
            Thread t = new Thread(() -> {
                try (ChunkProcessor p = f.create(tally)) {
                    ChunkOutput co = new ChunkOutput();
                    while (true) {
                        Chunk c = work.take();
                        if (c == poison || failure.get() != null || cancelled) break;
                        co.reset();
                        p.process(c, co);
                        if (co.written + co.rejected != c.size)
                            throw new IllegalStateException("chunk " + c.seq + ": " + c.size + " rows in, " + co.written + " written + " + co.rejected + " rejected");
                        done.put(co.done(c, tally.drain()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "mianshen-batch-worker-" + w);
            t.setDaemon(true);
            threads.add(t);
        }

        Progress progress = o.progress() ? Progress.start(in.size()) : Progress.NONE;
        threads.forEach(Thread::start);

        // ---- writer (this thread) ----
        Map<Long, ChunkOutput.Done> pending = new HashMap<>();
        long next = 0;
        long chunksWritten = 0;
        String problem = null;
        int code = OK;
        try {
            out.begin();
            while (true) {
                if (cancelled) { code = INTERRUPTED; break; }
                Throwable fx = failure.get();
                if (fx != null) { code = fx instanceof InputReadError ? BAD_INPUT : INTERNAL; problem = fx instanceof InputReadError ? fx.getMessage() : "internal error: " + fx; break; }
                long total = totalChunks.get();
                if (total >= 0 && chunksWritten == total) break;
                ChunkOutput.Done d = done.poll(50, TimeUnit.MILLISECONDS);
                if (d == null) continue;
                if (!ordered) { emit(d, out, progress, permits, sum); chunksWritten++; continue; }
                pending.put(d.seq(), d);
                for (ChunkOutput.Done x; (x = pending.remove(next)) != null; next++) {
                    emit(x, out, progress, permits, sum);
                    chunksWritten++;
                    if (runKey != null) checkpoint(x, runKey, sum, earlier + (System.nanoTime() - t0) / 1e9, false);
                }
            }
        } catch (IOException e) {
            code = INTERNAL; problem = "cannot write output: " + e.getMessage();
        } catch (InterruptedException e) {
            code = INTERRUPTED;
        }
        progress.close();
        double seconds = earlier + (System.nanoTime() - t0) / 1e9;
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) { try { t.join(2000); } catch (InterruptedException ignored) { } }

        if (code == OK && rowsRead.get() != writtenRows + rejectedRows) {
            code = INTERNAL;
            problem = "internal error: " + rowsRead.get() + " rows read but " + writtenRows + " written + " + rejectedRows + " rejected";
        }
        String stoppedAt = code == OK ? null
                : "停止于输入第 " + lastLineDone + " 行之后（已处理 " + String.format("%,d", writtenRows + rejectedRows) + " 行）";
        Summary.Report report = Summary.report(code == OK, in.name(), out.name(), out.rejectsName(),
                o.asOf().toString(), n, code == OK ? rowsRead.get() : writtenRows + rejectedRows, sum, seconds, stoppedAt);
        if (code == OK) {
            try {
                if (o.summary() != null) {
                    FileSink.Target s = FileSink.Target.open(o.summary().toString(), temps);
                    Json.MAPPER.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                            .writeValue(s.out, report);
                    s.commit();
                }
                if (o.failOnReject() && rejectedRows > 0) {
                    out.commit(report, false);
                    cleanup();
                    code = BAD_INPUT;
                    problem = String.format("%,d", rejectedRows) + " rows rejected and --fail-on-reject is set: "
                            + (out.name().equals("stdout") ? "output on stdout must not be used" : out.name() + " not written")
                            + (out.rejectsName() == null ? "" : "; see " + out.rejectsName());
                } else {
                    synchronized (commitLock) {
                        if (finished) code = INTERRUPTED;          // the shutdown hook got there first
                        else {
                            out.commit(report, true);
                            finished = true;
                            if (checkpointFile != null) Checkpoint.delete(checkpointFile);
                        }
                    }
                }
            } catch (IOException e) {
                code = INTERNAL;
                problem = "cannot write output: " + e.getMessage();
                cleanup();
            }
        } else {
            if (!keptForResume) cleanup();
            String where = "stopped after input " + unit + lastLineDone + " (" + (writtenRows + rejectedRows) + " rows processed); "
                    + out.leftBehind();
            problem = (code == INTERRUPTED ? "interrupted: " : (problem == null ? "" : problem + "; ")) + where;
        }
        if (hooked) { try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException ignored) { } }
        return new Result(code, report, problem, bytesOut);
    }

    private void emit(ChunkOutput.Done d, BatchSink out, Progress progress, Semaphore permits, Summary.Tally sum) throws IOException {
        out.write(d);
        if (d.tally() != null) sum.add(d.tally());
        bytesOut += d.out().length;
        writtenRows += d.written();
        rejectedRows += d.rejected();
        lastLineDone = d.lastLine();
        permits.release();
        progress.update(writtenRows + rejectedRows, d.bytesEnd());
        if (pauseMs > 0) { try { Thread.sleep(pauseMs); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
    }

    private long lastCheckpoint;

    /**
     * Records that everything up to the end of chunk {@code d} is durably written: flush and sync the output and
     * rejects, then replace the checkpoint atomically. Called by the writer after {@code d} was written, in input
     * order. At most once per {@link #checkpointMs} (the fsync is the cost).
     */
    private void checkpoint(ChunkOutput.Done d, Checkpoint.Key key, Summary.Tally sum, double seconds, boolean force) throws IOException {
        long now = System.nanoTime();
        if (!force && now - lastCheckpoint < checkpointMs * 1_000_000L) return;
        lastCheckpoint = now;
        long[] lengths = ((FileSink) sink).sync();
        new Checkpoint(Checkpoint.VERSION, key, d.bytesEnd(), d.nextLine(), writtenRows + rejectedRows, writtenRows, rejectedRows,
                lengths[0], lengths[1], Math.round(seconds * 1000) / 1000.0, Checkpoint.Counts.of(sum)).write(checkpointFile);
        checkpointed = true;
    }

    /** What this run's output depends on besides the input rows (a resume must match it). */
    private Checkpoint.Key runKey() {
        Path in = Path.of(o.input()).toAbsolutePath();
        long size;
        try { size = Files.size(in); } catch (IOException e) { size = -1; }
        String risk = Integer.toHexString(o.riskAreas().designations().toString().hashCode()) + "/" + o.riskAreas().designations().size();
        return new Checkpoint.Key(in.toString(), size, rules().fingerprint(), o.asOf().toString(), o.contract().id(),
                o.outFormat().name(), o.rejects() == null ? null : o.rejects().toAbsolutePath().toString(), risk);
    }

    /** Ctrl-C or kill: say where the run stopped and leave nothing unpublished under a final name. */
    private void onShutdown(String unit) {
        synchronized (commitLock) {
            if (finished) return;
            finished = true;
            cancelled = true;
            boolean keep = checkpointed && checkpointFile != null;
            keptForResume = keep;
            if (!keep) deleteTemps();
            err.println();
            err.println("mianshen batch: interrupted after input " + unit + lastLineDone + " (" + (writtenRows + rejectedRows)
                    + " rows processed); " + sink.leftBehind()
                    + (keep ? "; the run can be continued from its last checkpoint with --resume" : ""));
            err.flush();
        }
    }

    private void cleanup() {
        synchronized (commitLock) {
            finished = true;
            deleteTemps();
        }
    }

    private void deleteTemps() {
        FileSink.deleteAll(temps);
        if (sink != null) sink.abort();
        if (checkpointFile != null) { try { Checkpoint.delete(checkpointFile); } catch (IOException ignored) { } }
    }

    private Result fail(int code, String message) { return new Result(code, null, message, 0); }

    /** A failure to read the input after the run started (exit 2). */
    static final class InputReadError extends Exception {
        InputReadError(String m) { super(m); }
    }
}
