package org.mianshen.batch;

import org.mianshen.engine.ResultAssembler;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Results to a JSON Lines or CSV file (or stdout) and rejects to a JSON Lines file, each written to a
 * temporary file beside its final name and renamed when the run succeeds: an interrupted run leaves
 * no file under the final names.
 */
public final class FileSink implements BatchSink {
    private final String output;           // null or "-" = stdout
    private final Path rejects;
    private final BatchRunner.Format format;
    private final Contract contract;
    private final java.util.Map<String, String> constantDetails;
    private MeasuresFile measures;                 // registry contract to a file: published beside the output
    private final List<Path> temps = new ArrayList<>();
    private Target out, rej;
    private boolean resumed;                       // the preamble is already in the partial output
    private long outLength, rejLength;             // bytes written so far (what a checkpoint records)

    public FileSink(String output, BatchRunner.Format format, Path rejects, boolean compact) {
        this(output, format, rejects, compact ? Contract.COMPACT : Contract.FULL, java.util.Map.of());
    }

    /** @param constantDetails measure id → constant detail (registry contract: those are not repeated on each line) */
    public FileSink(String output, BatchRunner.Format format, Path rejects, Contract contract, java.util.Map<String, String> constantDetails) {
        this.output = output;
        this.format = format;
        this.rejects = rejects;
        this.contract = contract;
        this.constantDetails = constantDetails;
    }

    /** The measures file published with the output (registry contract; ignored on stdout). */
    FileSink measures(MeasuresFile m) { this.measures = m; return this; }

    /** Creates the temporary files; a directory that does not exist is an error here. */
    public FileSink open() throws IOException {
        out = Target.open(output, temps);
        rej = rejects == null ? null : Target.open(rejects.toString(), temps);
        return this;
    }

    /**
     * True when the output can be checkpointed and resumed: a regular file (not stdout, not a device or pipe).
     * Its partial files then have fixed names ({@code .NAME.resume.partial}) that a resumed run finds again.
     */
    boolean resumable() {
        if (isStdout()) return false;
        Path t = Path.of(output).toAbsolutePath();
        return !Files.exists(t) || Files.isRegularFile(t);
    }

    /** Opens the fixed-name partial files of a resumable run: new ones, or (checkpoint given) the old ones cut back to its lengths. */
    FileSink openResumable(Checkpoint from) throws IOException {
        out = Target.resumable(Path.of(output), temps, from == null ? -1 : from.outputLength());
        rej = rejects == null ? null : Target.resumable(rejects, temps, from == null ? -1 : from.rejectsLength());
        if (from != null) { resumed = true; outLength = from.outputLength(); rejLength = from.rejectsLength(); }
        return this;
    }

    /** Flushes and syncs what was written; returns {output length, rejects length} for a checkpoint. */
    long[] sync() throws IOException {
        out.out.flush();
        if (out.fos != null) out.fos.getFD().sync();
        if (rej != null) { rej.out.flush(); rej.fos.getFD().sync(); }
        return new long[]{outLength, rejLength};
    }

    @Override public ResultFormat format() {
        return contract == Contract.REGISTRY ? RegistryFormat.of(format, constantDetails) : ResultFormat.of(format);
    }

    /** CSV has no reasons column; --compact and the registry contract keep what differs per enterprise. */
    @Override public ResultAssembler.Detail detail() { return contract.detail(format); }

    @Override public void begin() throws IOException {
        if (resumed) return;
        byte[] pre = format().preamble();
        out.out.write(pre);
        outLength += pre.length;
    }

    @Override public void write(ChunkOutput.Done d) throws IOException {
        out.out.write(d.out());
        outLength += d.out().length;
        if (d.rejects() != null && rej != null) { rej.out.write(d.rejects()); rejLength += d.rejects().length; }
    }

    @Override public void commit(Summary.Report report, boolean publish) throws IOException {
        if (rej != null) rej.commit();
        if (publish) {
            // the measures file first: an output under its final name always has its measures beside it
            if (measures != null && !isStdout() && out.temp != null) {
                Target m = Target.open(MeasuresFile.beside(Path.of(output)).toString(), temps);
                measures.write(m.out);
                m.commit();
            }
            out.commit();
        }
        else { out.discard(); abort(); }
    }

    @Override public void abort() { deleteAll(temps); }

    @Override public String name() { return isStdout() ? "stdout" : output; }

    @Override public String rejectsName() { return rejects == null ? null : rejects.toString(); }

    @Override public String leftBehind() { return isStdout() ? "output on stdout is incomplete" : "nothing written to " + name(); }

    private boolean isStdout() { return output == null || output.equals("-"); }

    static void deleteAll(List<Path> temps) {
        synchronized (temps) {
            for (Path p : temps) { try { Files.deleteIfExists(p); } catch (IOException ignored) { } }
        }
    }

    /** An output written to a temporary file beside its final name and renamed on success; or stdout. */
    static final class Target {
        final OutputStream out;
        final Path temp, target;
        final FileOutputStream fos;

        private Target(OutputStream out, Path temp, Path target, FileOutputStream fos) {
            this.out = out; this.temp = temp; this.target = target; this.fos = fos;
        }

        /**
         * A resumable run's partial file {@code .NAME.resume.partial} beside {@code target}: created empty
         * ({@code keep} &lt; 0) or opened for appending after cutting it to {@code keep} bytes (what the checkpoint
         * recorded: anything after it was written after the checkpoint and is written again).
         */
        static Target resumable(Path target, List<Path> temps, long keep) throws IOException {
            target = target.toAbsolutePath();
            Path dir = target.getParent();
            if (dir != null && !Files.isDirectory(dir)) throw new NoSuchFileException(dir + ": no such directory");
            Path temp = Checkpoint.partial(target);
            if (keep >= 0) {
                if (!Files.isRegularFile(temp) || Files.size(temp) < keep)
                    throw new IOException(temp + ": the partial output of the run is missing or shorter than its checkpoint says ("
                            + keep + " bytes); run without --resume to start again");
                try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) { ch.truncate(keep); }
            } else {
                Files.deleteIfExists(temp);
                Files.createFile(temp);
                readableByAll(temp);
            }
            synchronized (temps) { temps.add(temp); }
            FileOutputStream fos = new FileOutputStream(temp.toFile(), true);
            return new Target(new BufferedOutputStream(fos, 1 << 20), temp, target, fos);
        }

        /** Opens {@code name} ("-" or null = stdout); the temporary file is added to {@code temps}. */
        static Target open(String name, List<Path> temps) throws IOException {
            if (name == null || name.equals("-")) {
                return new Target(new BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out), 1 << 20) {
                    @Override public void close() throws IOException { flush(); }
                }, null, null, null);
            }
            Path target = Path.of(name).toAbsolutePath();
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                // a device or named pipe (/dev/null, a FIFO): nothing to rename, write straight to it
                FileOutputStream direct = new FileOutputStream(target.toFile());
                return new Target(new BufferedOutputStream(direct, 1 << 20), null, target, direct);
            }
            Path dir = target.getParent();
            if (dir != null && !Files.isDirectory(dir)) throw new NoSuchFileException(dir + ": no such directory");
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
            synchronized (temps) { temps.add(temp); }
            readableByAll(temp);
            FileOutputStream fos = new FileOutputStream(temp.toFile());
            return new Target(new BufferedOutputStream(fos, 1 << 20), temp, target, fos);
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
