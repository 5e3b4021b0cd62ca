package org.mianshen.push;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Streams a batch output (JSON Lines, any of the forms {@link ResultLines} knows), one enterprise at a time: memory
 * holds one line. With {@code requireSorted} it checks that uscc ascends (String order, the same as {@code LC_ALL=C
 * sort}) and stops with {@link NotSorted} at the first line that breaks the order.
 */
public final class ResultReader implements AutoCloseable {
    private final String name;
    private final BufferedReader in;
    private final ResultLines lines;
    private final boolean requireSorted;
    private long lineNo;
    private String lastUscc;
    private long lastLine;

    /** A problem with the input, named by file and line (exit code 2). */
    public static final class InputProblem extends RuntimeException {
        public InputProblem(String m) { super(m); }
    }

    /** The input is not sorted by uscc (or repeats one); diff sorts it externally and starts again. */
    public static final class NotSorted extends RuntimeException {
        public NotSorted(String m) { super(m); }
    }

    public ResultReader(Path file, ResultLines lines, boolean requireSorted) {
        this.name = file.toString();
        this.lines = lines;
        this.requireSorted = requireSorted;
        try {
            this.in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new InputProblem(name + ": file not found");
        } catch (IOException e) {
            throw new InputProblem(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The next enterprise, or null at the end. */
    public PushRecord next() {
        String line;
        try {
            do {
                line = in.readLine();
                lineNo++;
            } while (line != null && line.isBlank());
        } catch (IOException e) {
            throw new InputProblem(name + ": cannot be read after line " + (lineNo - 1) + " (" + e.getMessage() + ")");
        }
        if (line == null) return null;
        PushRecord r;
        try {
            r = lines.map(line);
        } catch (ResultLines.BadLine | IllegalArgumentException e) {
            throw new InputProblem(name + ": line " + lineNo + ": " + e.getMessage());
        }
        if (requireSorted) {
            if (lastUscc != null && lastUscc.compareTo(r.uscc()) >= 0)
                throw new NotSorted(name + ": not sorted by uscc: line " + lineNo + " (" + r.uscc() + ") "
                        + (lastUscc.equals(r.uscc()) ? "repeats line " + lastLine : "comes after line " + lastLine + " (" + lastUscc + ")"));
            lastUscc = r.uscc();
            lastLine = lineNo;
        }
        return r;
    }

    public long line() { return lineNo; }

    @Override
    public void close() {
        try { in.close(); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** The uscc of a line without parsing it all: every output form writes it first. */
    static String usccOf(String line) {
        String prefix = "{\"uscc\":\"";
        if (line.startsWith(prefix)) {
            int end = line.indexOf('"', prefix.length());
            if (end > 0) return line.substring(prefix.length(), end);
        }
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(line)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return "";
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("uscc")) return p.getText();
                p.skipChildren();
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
