package org.mianshen.batch;

import org.mianshen.io.CsvProfiles;
import org.mianshen.io.InputError;
import org.mianshen.io.RecordCutter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A registry in a JSON Lines or CSV file, or JSON Lines on stdin ("-"), cut into records without parsing. */
public final class FileSource implements BatchSource {
    private final String name;
    private final InputStream in;
    private final long size;
    private final RecordCutter cutter;
    private final RowParser parser;
    private final List<String> warnings;
    private final CsvProfiles csv;

    private FileSource(String name, InputStream in, long size, RecordCutter cutter, CsvProfiles csv) {
        this.csv = csv;
        this.name = name;
        this.in = in;
        this.size = size;
        this.cutter = cutter;
        this.parser = new RowParser(csv);
        this.warnings = csv == null || csv.unknownColumns().isEmpty() ? List.of()
                : List.of("columns " + csv.unknownColumns() + " are not profile fields and are ignored (see `mianshen schema`)");
    }

    /** Opens {@code input} ("-" = stdin) in the given format; a CSV file's header is read and checked here. */
    public static FileSource open(String input, BatchRunner.Format format) throws OpenError {
        InputStream in;
        long size = -1;
        try {
            if (input.equals("-")) in = System.in;
            else {
                Path p = Path.of(input);
                if (Files.isDirectory(p)) throw new OpenError(input + ": is a directory");
                in = Files.newInputStream(p);
                size = Files.size(p);
            }
        } catch (NoSuchFileException e) {
            throw new OpenError(input + ": file not found");
        } catch (IOException | RuntimeException e) {
            throw new OpenError(input + ": cannot be read (" + e.getMessage() + ")");
        }
        RecordCutter cutter = new RecordCutter(in, format == BatchRunner.Format.CSV);
        CsvProfiles csv = null;
        if (format == BatchRunner.Format.CSV) {
            String[] header = new String[1];
            try {
                if (!cutter.next((d, off, len, line) -> header[0] = new String(d, off, len, StandardCharsets.UTF_8)))
                    throw closing(in, new OpenError(input + ": empty; a CSV registry needs a header row"));
                csv = new CsvProfiles(header[0]);
            } catch (InputError e) {
                throw closing(in, new OpenError(input + ": line 1: " + e.getMessage()));
            } catch (IOException e) {
                throw closing(in, new OpenError(input + ": cannot be read (" + e.getMessage() + ")"));
            }
        }
        return new FileSource(input, in, size, cutter, csv);
    }

    /**
     * Opens {@code input} (a file) positioned at a record boundary a checkpoint recorded: {@code offset} bytes in,
     * where the record at line {@code line} starts. A CSV file's header is read from its start as usual.
     */
    public static FileSource openAt(String input, BatchRunner.Format format, long offset, long line) throws OpenError {
        FileSource head = open(input, format);          // checks the file and reads the CSV header
        head.close();
        Path p = Path.of(input);
        InputStream in;
        long size;
        try {
            size = Files.size(p);
            if (offset > size) throw new OpenError(input + ": shorter (" + size + " bytes) than the checkpoint's offset " + offset);
            var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.READ);
            ch.position(offset);
            in = java.nio.channels.Channels.newInputStream(ch);
        } catch (IOException e) {
            throw new OpenError(input + ": cannot be read (" + e.getMessage() + ")");
        }
        return new FileSource(input, in, size, new RecordCutter(in, format == BatchRunner.Format.CSV, offset, line), head.csv);
    }

    private static OpenError closing(InputStream in, OpenError e) {
        try { if (in != System.in) in.close(); } catch (IOException ignored) { }
        return e;
    }

    @Override public String name() { return name; }
    @Override public RowParser parser() { return parser; }
    @Override public List<String> warnings() { return warnings; }
    @Override public long size() { return size; }
    @Override public boolean next(RecordCutter.Sink sink) throws IOException { return cutter.next(sink); }
    @Override public long bytesConsumed() { return cutter.bytesConsumed(); }
    @Override public long nextLine() { return cutter.nextLine(); }

    @Override public void close() {
        try { in.close(); } catch (IOException ignored) { }
    }
}
