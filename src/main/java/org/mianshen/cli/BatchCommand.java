package org.mianshen.cli;

import org.mianshen.batch.BatchRunner;
import org.mianshen.engine.RuleEngine;
import org.mianshen.engine.RuleTreeException;
import org.mianshen.reference.RiskAreas;
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
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Matches a whole registry (JSON Lines or CSV, streamed) on every core: one output line per profile, "
                + "bad rows to a rejects file, a summary at the end. Memory stays flat whatever the registry size.", ""},
        footer = {"", "Formats (by extension; - = stdin/stdout, JSON Lines):",
                "  INPUT  .jsonl  one profile per line (the `mianshen schema` contract)",
                "         .csv    header = the profile field names; nested objects as a.b; an empty cell is unknown;",
                "                 list fields (premises, hires, loans, designations) hold a JSON array in the cell,",
                "                 e.g. \"[{\"\"ownership\"\":\"\"STATE\"\",\"\"monthlyRentYuan\"\":20000}]\"; [] = none;",
                "                 designations may also be written HIGH_TECH|TECH_SME",
                "  OUTPUT .jsonl  one entitlement-contract object per profile, in input order (--unordered: as finished)",
                "         .csv    one row per enterprise x entitlement (an enterprise entitled to nothing: one row, empty measure columns)",
                "  --rejects      JSON Lines {line, raw, field, value, reason}, one per rejected row",
                "",
                "Output goes to a temporary file renamed on success: an interrupted or failed run leaves no file under the final name.",
                "Rows read = rows written + rows rejected, always. A progress bar is shown on stderr when run in a terminal.",
                "",
                "Examples:",
                "  mianshen batch samples/registry-10k.jsonl -o out.jsonl --as-of 2022-06-30",
                "  mianshen batch registry.csv -o entitlements.csv --rejects rejects.jsonl --summary summary.json",
                "  zcat registry.jsonl.gz | mianshen batch - --as-of 2022-06-30 > out.jsonl",
                "  mianshen batch registry.jsonl -o out.jsonl --fail-on-reject     # strict pipelines",
                "  mianshen batch registry.jsonl -o out.jsonl --compact; mianshen rules --format json > measures.json",
                "",
                "Exit codes: 0 run completed (even with rejected rows), 2 input cannot be read (or rows rejected with",
                "--fail-on-reject), 1 internal error, 130 interrupted. See docs/batch.md."})
public final class BatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "registry: .jsonl or .csv file, or - for JSON Lines on stdin")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT", description = ".jsonl or .csv file; - or absent = JSON Lines on stdout")
    String output;

    @Option(names = "--as-of", paramLabel = "DATE", description = "evaluate as of this date, yyyy-mm-dd (default: today)")
    LocalDate asOf;

    @Option(names = "--risk-areas", paramLabel = "FILE", description = "CSV regionCode,level,from,to of medium/high-risk designations")
    Path riskAreas;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors = ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--rejects", paramLabel = "FILE", description = "write rejected rows here (JSON Lines); they are counted either way")
    Path rejects;

    @Option(names = "--summary", paramLabel = "FILE", description = "also write the summary as JSON")
    Path summary;

    @Option(names = "--fail-on-reject", description = "exit 2 and publish no output when any row is rejected (rejects and summary are still written)")
    boolean failOnReject;

    @Option(names = "--compact", description = "per entitlement only what differs between enterprises (measureId, family, status, "
            + "amountYuan, missing, alsoBasedOn); title, reasons, detail, confirm, basis and validity are the measure's, listed "
            + "once by `mianshen rules --format json`. ~6x smaller output, ~2x faster (BENCHMARKS.md)")
    boolean compact;

    @Option(names = "--unordered", description = "write results as chunks finish instead of in input order")
    boolean unordered;

    @Option(names = "--chunk-size", paramLabel = "ROWS", description = "profiles per chunk, matched with one fireAllRules (default: ${DEFAULT-VALUE})")
    int chunkSize = BatchRunner.DEFAULT_CHUNK;

    @Option(names = "--progress", negatable = true, description = "progress bar on stderr (default: only in a terminal)")
    Boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "do not print the summary for people on stderr")
    boolean quiet;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the run's figures as a self-contained HTML page "
            + "(made by reading OUTPUT back: needs -o FILE.jsonl; docs/push.md)")
    Path report;

    @Mixin RuleOptions rules;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) { err.println("mianshen batch: --threads must be ≥ 1"); return Main.BAD_INPUT; }
        if (chunkSize < 1) { err.println("mianshen batch: --chunk-size must be ≥ 1"); return Main.BAD_INPUT; }
        RiskAreas risk;
        try {
            risk = riskAreas == null ? RiskAreas.none() : RiskAreas.load(riskAreas);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("mianshen batch: --risk-areas: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        RuleEngine engine;
        try {
            engine = rules.batchEngine();
        } catch (RuleTreeException e) {
            err.println("mianshen batch: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println("mianshen batch: --rules: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (report != null && (output == null || output.equals("-") || BatchRunner.Format.of(output) != BatchRunner.Format.JSONL
                || (Files.exists(Path.of(output)) && !Files.isRegularFile(Path.of(output))))) {
            err.println("mianshen batch: --report needs -o FILE.jsonl: the report is made by reading the output back");
            return Main.BAD_INPUT;
        }
        boolean bar = progress != null ? progress : System.console() != null;
        var options = new BatchRunner.Options(input, output, null, null, asOf, risk, threads, rejects, summary, !unordered,
                chunkSize, failOnReject, bar, compact);
        BatchRunner.Result r = new BatchRunner(engine, options, err).run();
        if (r.report() != null && !quiet) err.print(r.report().toChinese());
        if (r.message() != null) err.println("mianshen batch: " + r.message());
        int code = r.exitCode();
        if (report != null && code == Main.OK) code = writeReport(engine, r, err);
        err.flush();
        return code;
    }

    /** --report: reads the published output back (one enterprise at a time) and renders the page. */
    private int writeReport(RuleEngine engine, BatchRunner.Result r, PrintWriter err) {
        var cat = new org.mianshen.push.Catalogue(engine.catalogue());
        var page = new org.mianshen.push.HtmlReport(cat);
        try (var in = new org.mianshen.push.ResultReader(Path.of(output), new org.mianshen.push.ResultLines(cat), false)) {
            for (org.mianshen.push.PushRecord p; (p = in.next()) != null; ) page.add(p);
            if (rejects != null && Files.isRegularFile(rejects)) page.addRejects(rejects);
            else if (r.report() != null) page.addRejectCounts(r.report().rejectedByField());
            page.write(report, "免申即享 批量匹配报告", "登记册 " + Path.of(input).getFileName() + "；评估日期 "
                    + (asOf == null ? LocalDate.now() : asOf) + "；读取 " + String.format("%,d", r.report() == null ? 0 : r.report().rowsRead()) + " 行");
            if (!quiet) err.println("报告：" + report);
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            err.println("mianshen batch: --report " + report + ": " + e.getMessage());
            return Main.INTERNAL;
        }
    }
}
