package org.mianshen.cli;

import org.mianshen.engine.RuleProblem;
import org.mianshen.engine.RuleTree;
import org.mianshen.engine.RuleTreeException;
import org.mianshen.push.Catalogue;
import org.mianshen.push.Diff;
import org.mianshen.push.HtmlReport;
import org.mianshen.push.Inputs;
import org.mianshen.push.PushLists;
import org.mianshen.push.PushRecord;
import org.mianshen.push.ResultLines;
import org.mianshen.push.ResultReader;
import org.mianshen.push.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "push", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"政策找人: writes, per measure with beneficiaries, the list for the responsible authority (XLSX and CSV), "
                + "an index 00-index first (one row per measure: tier, authority, beneficiaries, amounts) and report.html. "
                + "Every entitlement is on the list of its primary measure. Streams: memory stays flat.", ""},
        footer = {"", "RESULTS is a batch output (.jsonl: full, --compact or registry contract) or a registry (.jsonl profiles or .csv),",
                "which is matched first (as of --as-of).",
                "",
                "Each list: 6 rows naming the measure once (title, tier and authority, legal basis, validity, what to confirm, a note),",
                "then the header row, then one row per enterprise. CSV: UTF-8 with BOM, formula injection neutralised. See docs/push.md.",
                "",
                "Examples:",
                "  mianshen batch samples/registry-10k.jsonl -o out.jsonl --as-of 2022-06-30 --compact",
                "  mianshen push out.jsonl -o push/",
                "  mianshen push samples/registry-10k.jsonl -o push/ --as-of 2022-06-30     # match and push",
                "  mianshen push new.jsonl --since old.jsonl -o changes/                    # only what changed",
                "Exit codes: 0 done, 2 bad input, 1 internal error."})
public final class PushCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "batch output (.jsonl) or registry (.jsonl/.csv)")
    Path results;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "directory for the lists (created; must be empty)")
    Path dir;

    @Option(names = "--format", paramLabel = "FMT", split = ",", description = "xlsx, csv or both (default: xlsx,csv)")
    List<String> formats = List.of("xlsx", "csv");

    @Option(names = "--since", paramLabel = "OLD", description = "an earlier batch output: write only the changes (see `mianshen diff`)")
    Path since;

    @Option(names = "--as-of", paramLabel = "DATE", description = "when RESULTS is a registry: evaluate as of this date (default: today)")
    LocalDate asOf;

    @Option(names = "--no-report", description = "do not write DIR/report.html")
    boolean noReport;

    @Option(names = "--tmp", paramLabel = "DIR", description = "temporary files (matching a registry, external sort) (default: the system's)")
    Path tmp;

    @Mixin RuleOptions rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean csv = false, xlsx = false;
        for (String f : formats) {
            switch (f.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> csv = true;
                case "xlsx" -> xlsx = true;
                default -> { err.println("mianshen push: --format " + f + ": expected xlsx or csv"); return Main.BAD_INPUT; }
            }
        }
        String bad = prepareDir(dir);
        if (bad != null) { err.println("mianshen push: " + bad); return Main.BAD_INPUT; }
        Catalogue cat;
        try {
            cat = catalogue(rules, err, "push");
            if (cat == null) return Main.BAD_INPUT;
        } catch (IOException | RuleTreeException e) {
            err.println("mianshen push: --rules: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        Path tmpDir = tmp != null ? tmp : Path.of(System.getProperty("java.io.tmpdir"));
        Path input = results, matched = null;
        try {
            if (!Files.isRegularFile(results)) { err.println("mianshen push: " + results + ": file not found"); return Main.BAD_INPUT; }
            if (Inputs.isRegistry(results)) {
                err.println("mianshen push: " + results + " is a registry: matching it first (as of " + (asOf == null ? LocalDate.now() : asOf) + ")");
                err.flush();
                matched = Inputs.match(rules.batchEngine(), results, asOf, tmpDir, err);
                if (matched == null) return Main.BAD_INPUT;
                input = matched;
            }
            ResultLines lines = ResultLines.of(cat, input, since);
            HtmlReport[] report = {new HtmlReport(cat)};
            List<PushLists.IndexRow> index;
            long enterprises;
            if (since == null) {
                try (PushLists lists = new PushLists(dir, cat, csv, xlsx, false); ResultReader in = new ResultReader(input, lines, false)) {
                    long n = 0;
                    for (PushRecord r; (r = in.next()) != null; n++) { lists.add(r); report[0].add(r); }
                    index = lists.finish();
                    enterprises = n;
                }
            } else {
                PushLists[] cur = {null};
                boolean c = csv, x = xlsx;
                try {
                    Diff.Totals t = Inputs.diffSorted(since, input, lines, tmpDir, err, () -> {
                        if (cur[0] != null) { cur[0].close(); clear(dir); }
                        cur[0] = new PushLists(dir, cat, c, x, true);
                        return (o, n, ch) -> cur[0].add(o, n, ch);
                    }, () -> { report[0] = new HtmlReport(cat); return report[0]::add; });
                    index = cur[0].finish();
                    enterprises = t.newEnterprises;
                    err.print(t.toChinese(cat));
                } finally {
                    if (cur[0] != null) cur[0].close();
                }
            }
            if (!noReport)
                report[0].write(dir.resolve("report.html"), "免申即享 推送报告", "结果文件 " + results.getFileName()
                        + "；企业 " + String.format("%,d", enterprises) + " 户" + (since == null ? "" : "；名单只含相对 " + since.getFileName() + " 的变化"));
            long rows = index.stream().mapToLong(PushLists.IndexRow::rows).sum();
            err.printf("推送名单：%,d 项措施，%,d 行（%s）；索引 %s%s%n", index.size(), rows, since == null ? "每项享受一行" : "只含变化",
                    dir.resolve(PushLists.INDEX + (xlsx ? ".xlsx" : ".csv")), noReport ? "" : "；报告 " + dir.resolve("report.html"));
            return Main.OK;
        } catch (ResultReader.InputProblem | ResultReader.NotSorted | Template.TemplateError e) {
            err.println("mianshen push: " + e.getMessage());
            clear(dir);
            return Main.BAD_INPUT;
        } finally {
            if (matched != null) Files.deleteIfExists(matched);
            err.flush();
        }
    }

    /** Creates the directory; null when it is usable, else why not. */
    static String prepareDir(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) return dir + ": exists and is not a directory";
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) return dir + ": not empty (choose a new directory, or empty it: lists of an earlier run must not mix with this one)";
            }
        }
        Files.createDirectories(dir);
        return null;
    }

    /** Removes what a failed run wrote into its (new, empty) directory. */
    static void clear(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) { }
    }

    /** The catalogue of the rule tree in use; null after printing the problems of a bad --rules tree. */
    static Catalogue catalogue(RuleOptions rules, PrintWriter err, String command) throws IOException {
        if (rules.rulesDir() == null) return new Catalogue(org.mianshen.engine.RuleEngine.bundled().catalogue());
        RuleTree tree = rules.parse();
        if (!tree.problems().isEmpty()) {
            for (RuleProblem p : tree.problems()) err.println(p);
            err.println("mianshen " + command + ": the rule tree has problems; run `mianshen check` for all of them");
            return null;
        }
        return new Catalogue(tree.measures());
    }
}
