package org.mianshen.batch;

import org.mianshen.engine.Deriver;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.CsvProfiles;
import org.mianshen.io.InputError;
import org.mianshen.io.Json;
import org.mianshen.io.RecordCutter;
import org.mianshen.reference.RiskAreas;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * reader thread ─ raw records, cut in chunks, numbered ─> bounded queue ─> N workers (parse, validate, derive,
 *   match the chunk with one fireAllRules on the worker's own session, assemble, serialize) ─> writer (this thread):
 *   chunks in input order through a bounded reorder window ─> temporary file ─> atomic rename on success
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
                          boolean progress, boolean compact) {
        /** Without {@code compact}: every entitlement in the full contract. */
        public Options(String input, String output, Format inFormat, Format outFormat, LocalDate asOf, RiskAreas riskAreas,
                       int threads, Path rejects, Path summary, boolean ordered, int chunkSize, boolean failOnReject,
                       boolean progress) {
            this(input, output, inFormat, outFormat, asOf, riskAreas, threads, rejects, summary, ordered, chunkSize,
                    failOnReject, progress, false);
        }

        public Options {
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
    private volatile boolean cancelled;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object commitLock = new Object();
    private boolean finished;                    // guarded by commitLock: committed or cleaned up
    private final List<Path> temps = new ArrayList<>();
    private final AtomicLong rowsRead = new AtomicLong();
    private volatile long writtenRows, rejectedRows, lastLineDone, bytesOut;
    private final List<Thread> threads = new ArrayList<>();

    public BatchRunner(RuleEngine engine, Options options, PrintWriter err) {
        this.engine = engine;
        this.o = options;
        this.err = err;
    }

    /** What each entitlement carries: CSV has no reasons column, --compact keeps what differs per enterprise. */
    private ResultAssembler.Detail detail() {
        if (o.compact()) return ResultAssembler.Detail.COMPACT;
        return o.outFormat() == Format.CSV ? ResultAssembler.Detail.WITHOUT_REASONS : ResultAssembler.Detail.FULL;
    }

    /** Replaces the matching processor (the benchmark's I/O floor and naive baseline). */
    public BatchRunner processor(ChunkProcessor.Factory f) { this.factory = f; return this; }

    /** Stops the run as an interrupt would: no output is published. Safe from any thread. */
    public void cancel() { cancelled = true; }

    public Result run() {
        long t0 = System.nanoTime();
        if (o.inFormat() == null) return fail(BAD_INPUT, o.input() + ": unknown input format (use .jsonl or .csv, or - for JSON Lines on stdin)");
        if (o.outFormat() == null) return fail(BAD_INPUT, o.output() + ": unknown output format (use .jsonl or .csv)");
        InputStream in;
        long inputSize = -1;
        try {
            if (o.input().equals("-")) in = System.in;
            else {
                Path p = Path.of(o.input());
                if (Files.isDirectory(p)) return fail(BAD_INPUT, o.input() + ": is a directory");
                in = Files.newInputStream(p);
                inputSize = Files.size(p);
            }
        } catch (NoSuchFileException e) {
            return fail(BAD_INPUT, o.input() + ": file not found");
        } catch (IOException | RuntimeException e) {
            return fail(BAD_INPUT, o.input() + ": cannot be read (" + e.getMessage() + ")");
        }
        RecordCutter cutter = new RecordCutter(in, o.inFormat() == Format.CSV);
        CsvProfiles csv = null;
        if (o.inFormat() == Format.CSV) {
            String[] header = new String[1];
            try {
                if (!cutter.next((d, off, len, line) -> header[0] = new String(d, off, len, StandardCharsets.UTF_8)))
                    return close(in, fail(BAD_INPUT, o.input() + ": empty; a CSV registry needs a header row"));
                csv = new CsvProfiles(header[0]);
            } catch (InputError e) {
                return close(in, fail(BAD_INPUT, o.input() + ": line 1: " + e.getMessage()));
            } catch (IOException e) {
                return close(in, fail(BAD_INPUT, o.input() + ": cannot be read (" + e.getMessage() + ")"));
            }
            if (!csv.unknownColumns().isEmpty())
                err.println("mianshen batch: warning: columns " + csv.unknownColumns() + " are not profile fields and are ignored (see `mianshen schema`)");
        }

        Sink outSink, rejSink;
        try {
            outSink = Sink.open(o.output(), this);
            rejSink = o.rejects() == null ? null : Sink.open(o.rejects().toString(), this);
        } catch (IOException e) {
            cleanup();
            return close(in, fail(BAD_INPUT, "cannot create output: " + e.getMessage()));
        }
        Thread hook = new Thread(this::onShutdown, "mianshen-batch-shutdown");
        boolean hooked = false;
        try { Runtime.getRuntime().addShutdownHook(hook); hooked = true; } catch (IllegalStateException ignored) { }

        Summary.Jurisdictions jur = new Summary.Jurisdictions(engine.catalogue());
        RowParser parser = new RowParser(csv);
        Deriver deriver = new Deriver(o.asOf(), o.riskAreas());
        ResultAssembler assembler = new ResultAssembler();
        ResultFormat format = ResultFormat.of(o.outFormat());
        ChunkProcessor.Factory f = factory != null ? factory
                : tally -> new MatchingProcessor(engine, parser, deriver, assembler, format, tally, detail());

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
                    while (!c.full() && cutter.next((d, off, len, line) -> cur[0].add(d, off, len, line))) { }
                    c.bytesEnd = cutter.bytesConsumed();
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
                failure.compareAndSet(null, new InputReadError("input could not be read after line " + (cutter.nextLine() - 1) + ": " + e.getMessage()));
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                totalChunks.set(failure.get() == null && !cancelled ? seq : -2);
                for (int i = 0; i < n; i++) work.offer(poison);
                try { in.close(); } catch (IOException ignored) { }
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
                    ChunkOutput out = new ChunkOutput();
                    while (true) {
                        Chunk c = work.take();
                        if (c == poison || failure.get() != null || cancelled) break;
                        out.reset();
                        p.process(c, out);
                        if (out.written + out.rejected != c.size)
                            throw new IllegalStateException("chunk " + c.seq + ": " + c.size + " rows in, " + out.written + " written + " + out.rejected + " rejected");
                        done.put(out.done(c));
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

        Progress progress = o.progress() ? Progress.start(inputSize) : Progress.NONE;
        threads.forEach(Thread::start);

        // ---- writer (this thread) ----
        Map<Long, ChunkOutput.Done> pending = new HashMap<>();
        long next = 0;
        long chunksWritten = 0;
        String problem = null;
        int code = OK;
        try {
            byte[] pre = ResultFormat.of(o.outFormat()).preamble();
            outSink.out.write(pre);
            while (true) {
                if (cancelled) { code = INTERRUPTED; break; }
                Throwable fx = failure.get();
                if (fx != null) { code = fx instanceof InputReadError ? BAD_INPUT : INTERNAL; problem = fx instanceof InputReadError ? fx.getMessage() : "internal error: " + fx; break; }
                long total = totalChunks.get();
                if (total >= 0 && chunksWritten == total) break;
                ChunkOutput.Done d = done.poll(50, TimeUnit.MILLISECONDS);
                if (d == null) continue;
                if (!o.ordered()) { emit(d, outSink, rejSink, progress, permits); chunksWritten++; continue; }
                pending.put(d.seq(), d);
                for (ChunkOutput.Done x; (x = pending.remove(next)) != null; next++) { emit(x, outSink, rejSink, progress, permits); chunksWritten++; }
            }
        } catch (IOException e) {
            code = INTERNAL; problem = "cannot write output: " + e.getMessage();
        } catch (InterruptedException e) {
            code = INTERRUPTED;
        }
        progress.close();
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) { try { t.join(2000); } catch (InterruptedException ignored) { } }

        Summary.Tally sum = new Summary.Tally(jur);
        tallies.forEach(sum::add);
        if (code == OK && rowsRead.get() != writtenRows + rejectedRows) {
            code = INTERNAL;
            problem = "internal error: " + rowsRead.get() + " rows read but " + writtenRows + " written + " + rejectedRows + " rejected";
        }
        String stoppedAt = code == OK ? null
                : "停止于输入第 " + lastLineDone + " 行之后（已处理 " + String.format("%,d", writtenRows + rejectedRows) + " 行）";
        Summary.Report report = Summary.report(code == OK, o.input(), outName(), o.rejects() == null ? null : o.rejects().toString(),
                o.asOf().toString(), n, code == OK ? rowsRead.get() : writtenRows + rejectedRows, sum, seconds, stoppedAt);
        if (code == OK) {
            try {
                if (rejSink != null) rejSink.commit();
                if (o.summary() != null) {
                    Sink s = Sink.open(o.summary().toString(), this);
                    Json.MAPPER.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                            .writeValue(s.out, report);
                    s.commit();
                }
                if (o.failOnReject() && rejectedRows > 0) {
                    outSink.discard();
                    cleanup();
                    code = BAD_INPUT;
                    problem = String.format("%,d", rejectedRows) + " rows rejected and --fail-on-reject is set: "
                            + (isStdout() ? "output on stdout must not be used" : outName() + " not written")
                            + (o.rejects() == null ? "" : "; see " + o.rejects());
                } else {
                    synchronized (commitLock) {
                        if (finished) code = INTERRUPTED;          // the shutdown hook got there first
                        else { outSink.commit(); finished = true; }
                    }
                }
            } catch (IOException e) {
                code = INTERNAL;
                problem = "cannot write output: " + e.getMessage();
                cleanup();
            }
        } else {
            cleanup();
            String where = "stopped after input line " + lastLineDone + " (" + (writtenRows + rejectedRows) + " rows processed); "
                    + (isStdout() ? "output on stdout is incomplete" : "nothing written to " + outName());
            problem = (code == INTERRUPTED ? "interrupted: " : (problem == null ? "" : problem + "; ")) + where;
        }
        if (hooked) { try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException ignored) { } }
        return new Result(code, report, problem, bytesOut);
    }

    private void emit(ChunkOutput.Done d, Sink out, Sink rej, Progress progress, Semaphore permits) throws IOException {
        out.out.write(d.out());
        bytesOut += d.out().length;
        if (d.rejects() != null && rej != null) rej.out.write(d.rejects());
        writtenRows += d.written();
        rejectedRows += d.rejected();
        lastLineDone = d.lastLine();
        permits.release();
        progress.update(writtenRows + rejectedRows, d.bytesEnd());
    }

    /** Ctrl-C or kill: say where the run stopped and leave no file under the final names. */
    private void onShutdown() {
        synchronized (commitLock) {
            if (finished) return;
            finished = true;
            cancelled = true;
            deleteTemps();
            err.println();
            err.println("mianshen batch: interrupted after input line " + lastLineDone + " (" + (writtenRows + rejectedRows)
                    + " rows processed); " + (isStdout() ? "output on stdout is incomplete" : "nothing written to " + outName()));
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
        synchronized (temps) {
            for (Path p : temps) { try { Files.deleteIfExists(p); } catch (IOException ignored) { } }
        }
    }

    private boolean isStdout() { return o.output() == null || o.output().equals("-"); }

    private String outName() { return isStdout() ? "stdout" : o.output(); }

    private Result fail(int code, String message) { return new Result(code, null, message, 0); }

    private static Result close(InputStream in, Result r) {
        try { if (in != System.in) in.close(); } catch (IOException ignored) { }
        return r;
    }

    /** A failure to read the input after the run started (exit 2). */
    static final class InputReadError extends Exception {
        InputReadError(String m) { super(m); }
    }

    /** An output written to a temporary file beside its final name and renamed on success; or stdout. */
    private static final class Sink {
        final OutputStream out;
        final Path temp, target;
        final FileOutputStream fos;

        private Sink(OutputStream out, Path temp, Path target, FileOutputStream fos) {
            this.out = out; this.temp = temp; this.target = target; this.fos = fos;
        }

        static Sink open(String name, BatchRunner owner) throws IOException {
            if (name == null || name.equals("-")) {
                return new Sink(new BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out), 1 << 20) {
                    @Override public void close() throws IOException { flush(); }
                }, null, null, null);
            }
            Path target = Path.of(name).toAbsolutePath();
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                // a device or named pipe (/dev/null, a FIFO): nothing to rename, write straight to it
                FileOutputStream direct = new FileOutputStream(target.toFile());
                return new Sink(new BufferedOutputStream(direct, 1 << 20), null, target, direct);
            }
            Path dir = target.getParent();
            if (dir != null && !Files.isDirectory(dir)) throw new NoSuchFileException(dir + ": no such directory");
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
            synchronized (owner.temps) { owner.temps.add(temp); }
            readableByAll(temp);
            FileOutputStream fos = new FileOutputStream(temp.toFile());
            return new Sink(new BufferedOutputStream(fos, 1 << 20), temp, target, fos);
        }

        /** createTempFile makes the file private (rw-------); an output file should be like any other (rw-r--r--). */
        static void readableByAll(Path p) {
            try { Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")); }
            catch (UnsupportedOperationException | IOException ignored) { }
        }

        void commit() throws IOException {
            out.flush();
            if (temp == null) { if (fos != null) out.close(); return; }
            fos.getFD().sync();
            out.close();
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        void discard() throws IOException {
            if (temp == null) { out.flush(); return; }
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
