package org.mianshen.push;

import org.mianshen.batch.BatchRunner;
import org.mianshen.engine.RuleEngine;
import org.mianshen.model.Measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What push, diff and notify share: is a file a batch output or a registry, sorted inputs for a diff. */
public final class Inputs {
    private Inputs() {}

    /** True when the file is a registry (CSV, or JSON lines without entitlements) rather than a batch output. */
    public static boolean isRegistry(Path file) throws IOException {
        if (BatchRunner.Format.of(file.toString()) == BatchRunner.Format.CSV) return true;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(line)) {
                    if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return false;
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        if (p.currentName().equals("entitlements")) return false;
                        p.nextToken();
                        p.skipChildren();
                    }
                    return true;
                } catch (IOException e) {
                    return false;   // the reader reports the line
                }
            }
        }
        return false;
    }

    /**
     * Matches a registry (the batch pipeline, compact form) into a temporary file in {@code tmpDir} and returns it, or
     * null after printing why not.
     */
    public static Path match(RuleEngine engine, Path registry, LocalDate asOf, Path tmpDir, PrintWriter err) throws IOException {
        Path out = Files.createTempFile(tmpDir, "mianshen-results-", ".jsonl");
        var o = new BatchRunner.Options(registry.toString(), out.toString(), null, BatchRunner.Format.JSONL, asOf, null, 0,
                null, null, true, 0, false, false, true);
        BatchRunner.Result r = new BatchRunner(engine, o, err).run();
        if (r.exitCode() != 0) {
            Files.deleteIfExists(out);
            err.println("mianshen: matching " + registry + " failed: " + r.message());
            return null;
        }
        if (r.report() != null && r.report().rejected() > 0)
            err.println("mianshen: " + registry + ": " + r.report().rejected() + " rows rejected (run `mianshen batch --rejects FILE` to see them)");
        return out;
    }

    /** The measures of the rule tree in use. */
    public static Catalogue catalogue(List<Measure> measures) { return new Catalogue(measures); }

    /**
     * Runs the diff over the two outputs; an input not sorted by uscc is sorted externally (bounded memory, into
     * {@code tmpDir}) and the diff starts again. {@code start} is called before each attempt (to reset outputs).
     */
    public static Diff.Totals diffSorted(Path oldFile, Path newFile, ResultLines lines, Path tmpDir, PrintWriter err,
                                         java.util.function.Supplier<Diff.Listener> start,
                                         java.util.function.Supplier<java.util.function.Consumer<PushRecord>> everyNew) throws IOException {
        Path[] files = {oldFile, newFile};
        List<Path> temps = new ArrayList<>();
        try {
            for (int attempt = 0; ; attempt++) {
                Diff.Listener l = start.get();
                try (ResultReader a = new ResultReader(files[0], lines, true); ResultReader b = new ResultReader(files[1], lines, true)) {
                    return Diff.run(a, b, l, everyNew == null ? null : everyNew.get());
                } catch (ResultReader.NotSorted e) {
                    if (attempt >= 2 || e.getMessage().contains(" repeats line ")) {
                        if (e.getMessage().contains(" repeats line "))
                            throw new ResultReader.InputProblem(e.getMessage() + ": a uscc must appear once in a batch output");
                        throw e;
                    }
                    int which = e.getMessage().startsWith(files[0].toString() + ":") ? 0 : 1;
                    err.println("mianshen: " + e.getMessage() + "; sorting " + files[which] + " by uscc (external sort, bounded memory)");
                    err.flush();
                    Path sorted = ExternalSort.sort(files[which], tmpDir, ExternalSort.DEFAULT_BUDGET);
                    temps.add(sorted);
                    files[which] = sorted;
                }
            }
        } finally {
            for (Path p : temps) Files.deleteIfExists(p);
        }
    }
}
