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
    private final boolean compact;
    private final List<Path> temps = new ArrayList<>();
    private Target out, rej;

    public FileSink(String output, BatchRunner.Format format, Path rejects, boolean compact) {
        this.output = output;
        this.format = format;
        this.rejects = rejects;
        this.compact = compact;
    }

    /** Creates the temporary files; a directory that does not exist is an error here. */
    public FileSink open() throws IOException {
        out = Target.open(output, temps);
        rej = rejects == null ? null : Target.open(rejects.toString(), temps);
        return this;
    }

    @Override public ResultFormat format() { return ResultFormat.of(format); }

    /** CSV has no reasons column; --compact keeps what differs per enterprise. */
    @Override public ResultAssembler.Detail detail() {
        if (compact) return ResultAssembler.Detail.COMPACT;
        return format == BatchRunner.Format.CSV ? ResultAssembler.Detail.WITHOUT_REASONS : ResultAssembler.Detail.FULL;
    }

    @Override public void begin() throws IOException { out.out.write(format().preamble()); }

    @Override public void write(ChunkOutput.Done d) throws IOException {
        out.out.write(d.out());
        if (d.rejects() != null && rej != null) rej.out.write(d.rejects());
    }

    @Override public void commit(Summary.Report report, boolean publish) throws IOException {
        if (rej != null) rej.commit();
        if (publish) out.commit();
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
