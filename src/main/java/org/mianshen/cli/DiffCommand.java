package org.mianshen.cli;

import org.mianshen.engine.RuleTreeException;
import org.mianshen.push.Catalogue;
import org.mianshen.push.Diff;
import org.mianshen.push.Inputs;
import org.mianshen.push.ResultLines;
import org.mianshen.push.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"What changed between two batch outputs (two as-of dates, a new rule, a registry update): per enterprise "
                + "and per measure, newly entitled (NEW), no longer entitled (GONE), status or amount changed (CHANGED); "
                + "one JSON line per changed enterprise and a Chinese summary.", ""},
        footer = {"", "Both inputs are streamed, merged by uscc: sorted input is read once; an input that is not sorted by uscc is",
                "sorted externally first (runs of ~64 M characters in memory, merged from temporary files), so memory stays",
                "bounded whatever the size. `LC_ALL=C sort` sorts a batch output by uscc too (every line starts with it).",
                "",
                "Examples:",
                "  mianshen diff out-2022-06-30.jsonl out-2022-12-31.jsonl -o changes.jsonl",
                "  mianshen diff old.jsonl new.jsonl -o /dev/null --summary changes.txt",
                "Exit codes: 0 done (with or without changes), 2 bad input, 1 internal error."})
public final class DiffCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the earlier batch output (.jsonl)")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "the later batch output (.jsonl)")
    Path newFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "changes as JSON Lines (default: stdout)")
    Path output;

    @Option(names = "--summary", paramLabel = "FILE", description = "also write the Chinese summary to this file")
    Path summary;

    @Option(names = "--tmp", paramLabel = "DIR", description = "temporary files of the external sort (default: the system's)")
    Path tmp;

    @Option(names = {"-q", "--quiet"}, description = "do not print the summary on stderr")
    boolean quiet;

    @Mixin RuleOptions rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Catalogue cat;
        try {
            cat = PushCommand.catalogue(rules, err, "diff");
            if (cat == null) return Main.BAD_INPUT;
        } catch (IOException | RuleTreeException e) {
            err.println("mianshen diff: --rules: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        for (Path p : new Path[]{oldFile, newFile})
            if (!Files.isRegularFile(p)) { err.println("mianshen diff: " + p + ": file not found"); return Main.BAD_INPUT; }
        Path tmpDir = tmp != null ? tmp : Path.of(System.getProperty("java.io.tmpdir"));
        boolean toFile = output != null && !output.toString().equals("-") && (!Files.exists(output) || Files.isRegularFile(output));
        Path target = toFile ? output.toAbsolutePath() : null;
        Path partial = toFile ? target.resolveSibling("." + target.getFileName() + ".partial") : null;
        OutputStream[] out = {null};
        Diff.JsonLinesWriter[] w = {null};
        try {
            Diff.Totals t = Inputs.diffSorted(oldFile, newFile, ResultLines.of(cat, oldFile, newFile), tmpDir, err, () -> {
                try {
                    if (w[0] != null) w[0].close();
                    out[0] = partial != null ? new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)
                            : output != null && !output.toString().equals("-") ? new BufferedOutputStream(new FileOutputStream(output.toFile()), 1 << 16)
                            : new BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
                    w[0] = new Diff.JsonLinesWriter(out[0]);
                    return w[0];
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, null);
            w[0].close();
            out[0].close();
            if (partial != null) Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            String text = t.toChinese(cat);
            if (!quiet) err.print(text);
            if (summary != null) Files.writeString(summary, text, StandardCharsets.UTF_8);
            return Main.OK;
        } catch (ResultReader.InputProblem | ResultReader.NotSorted e) {
            err.println("mianshen diff: " + e.getMessage());
            return Main.BAD_INPUT;
        } finally {
            if (partial != null) Files.deleteIfExists(partial);
            err.flush();
        }
    }
}
