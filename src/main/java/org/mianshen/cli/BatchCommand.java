package org.mianshen.cli;

import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.BatchRules;
import org.mianshen.batch.Contract;
import org.mianshen.batch.db.Db;
import org.mianshen.batch.db.DbBatch;
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
                "  OUTPUT .jsonl  registry contract: per profile uscc, name, regionCode, scale, smallLowProfit and per entitlement",
                "                 measureId, family, delivery, status, amountYuan, missing, alsoBasedOn ids; in input order",
                "                 (--unordered: as finished). The measures' constant data (title, detail, basis, validity, confirm)",
                "                 is written once, to OUTPUT.measures.json: join on measureId. --full: the full contract per line",
                "         .csv    one row per enterprise x entitlement (an enterprise entitled to nothing: one row, empty measure columns)",
                "  --rejects      JSON Lines {line, raw, field, value, reason}, one per rejected row",
                "",
                "Output goes to a temporary file renamed on success: an interrupted or failed run leaves no file under the final name.",
                "A file-to-file run checkpoints as it goes (OUTPUT.checkpoint): killed or interrupted, it continues with --resume",
                "and ends with the output an uninterrupted run writes. Only the rules in force on --as-of are loaded.",
                "Rows read = rows written + rows rejected, always. A progress bar is shown on stderr when run in a terminal.",
                "",
                "Examples:",
                "  mianshen batch samples/registry-10k.jsonl -o out.jsonl --as-of 2022-06-30",
                "  mianshen batch registry.csv -o entitlements.csv --rejects rejects.jsonl --summary summary.json",
                "  zcat registry.jsonl.gz | mianshen batch - --as-of 2022-06-30 > out.jsonl",
                "  mianshen batch registry.jsonl -o out.jsonl --fail-on-reject     # strict pipelines",
                "  mianshen batch registry.jsonl -o out.jsonl --as-of 2022-06-30 --resume     # after a kill",
                "  mianshen batch registry.jsonl -o out.jsonl --full                          # the full contract per line",
                "  PGUSER=mianshen PGPASSWORD=… mianshen batch --db jdbc:postgresql://host/registry \\",
                "      --query \"select * from registry order by uscc\" --to-table entitlements --as-of 2022-06-30",
                "",
                "Database (docs/database.md): --db reads the rows of --query (columns named after the profile fields, list",
                "fields as jsonb or JSON text) through a server-side cursor and writes one row per enterprise x entitlement to",
                "--to-table, rejects to --rejects-table, the run's measures to measures and its progress and counts to runs;",
                "each chunk is one transaction: a killed run resumed with the same --run-id ends with exactly one run's rows.",
                "Credentials: PGUSER/PGPASSWORD or --db-user/--db-password-file, never in the URL.",
                "",
                "Exit codes: 0 run completed (even with rejected rows), 2 input cannot be read (or rows rejected with",
                "--fail-on-reject), 1 internal error, 130 interrupted. See docs/batch.md."})
public final class BatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "registry: .jsonl or .csv file, or - for JSON Lines on stdin (absent with --db)")
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

    @Option(names = "--compact", description = "the full contract's shape without the measure's constant parts (title, reasons, detail, "
            + "confirm, basis, validity: `mianshen rules --format json`); superseded by the default registry contract")
    boolean compact;

    @Option(names = "--full", description = "the full contract per line (title, reasons, detail, confirm, basis, validity of every "
            + "entitlement, ~85 KB per enterprise) instead of the registry contract")
    boolean full;

    @Option(names = "--resume", description = "continue the unfinished run that writes OUTPUT from its last checkpoint "
            + "(OUTPUT.checkpoint); refused when the rules, --as-of or the options differ")
    boolean resume;

    @Option(names = "--unordered", description = "write results as chunks finish instead of in input order")
    boolean unordered;

    @Option(names = "--chunk-size", paramLabel = "ROWS", description = "profiles per chunk, matched with one fireAllRules (default: ${DEFAULT-VALUE})")
    int chunkSize = BatchRunner.DEFAULT_CHUNK;

    @Option(names = "--progress", negatable = true, description = "progress bar on stderr (default: only in a terminal)")
    Boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "do not print the summary for people on stderr")
    boolean quiet;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "read the registry from PostgreSQL and write the results there, "
            + "e.g. jdbc:postgresql://host:5432/registry (no password in it)")
    String db;

    @Option(names = "--query", paramLabel = "SQL", description = "with --db: the rows to match, columns named after the profile fields; "
            + "ORDER BY a unique key (uscc) so that a killed run can resume")
    String query;

    @Option(names = "--to-table", paramLabel = "TABLE", description = "with --db: one row per enterprise x entitlement (default: ${DEFAULT-VALUE})")
    String toTable = "entitlements";

    @Option(names = "--rejects-table", paramLabel = "TABLE", description = "with --db: rejected rows (default: the --to-table name + _rejects)")
    String rejectsTable;

    @Option(names = "--run-id", paramLabel = "ID", description = "with --db: the run's id; an unfinished run with this id is resumed, "
            + "a completed one replaced (default: a new id, printed)")
    String runId;

    @Option(names = "--key", paramLabel = "COLUMN", description = "with --db: the query's unique key column (default: ${DEFAULT-VALUE})")
    String key = "uscc";

    @Option(names = "--fetch-size", paramLabel = "ROWS", description = "with --db: rows fetched per round trip of the cursor (default: ${DEFAULT-VALUE})")
    int fetchSize = 1000;

    @Option(names = "--db-user", paramLabel = "USER", description = "with --db: the database user (default: $PGUSER)")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "with --db: a file whose first line is the password (default: $PGPASSWORD)")
    Path dbPasswordFile;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the run's figures as a self-contained HTML page "
            + "(made by reading OUTPUT back: needs -o FILE.jsonl; docs/push.md)")
    Path report;

    @Mixin RuleOptions rules;

    /** Options that do not go together with (or without) --db; null when all is well. */
    private String dbConflict() {
        if (db == null) {
            if (input == null) return "INPUT is required (a .jsonl or .csv file, - for stdin), or --db with --query";
            if (query != null) return "--query needs --db";
            return null;
        }
        if (input != null) return "give either INPUT or --db, not both";
        if (query == null || query.isBlank()) return "--db needs --query, e.g. --query \"select * from registry order by uscc\"";
        if (output != null || rejects != null) return "with --db the results go to --to-table and the rejects to --rejects-table, not to -o/--rejects";
        if (failOnReject) return "--fail-on-reject is not supported with --db (rejects are kept in --rejects-table and counted in runs)";
        if (compact || full) return "--compact/--full do not apply to --db (one row per enterprise x entitlement; the measures' constant data is in the measures table)";
        if (resume) return "--resume is for file runs; with --db an unfinished run is resumed by its --run-id";
        if (fetchSize < 1) return "--fetch-size must be ≥ 1";
        return null;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) { err.println("mianshen batch: --threads must be ≥ 1"); return Main.BAD_INPUT; }
        if (chunkSize < 1) { err.println("mianshen batch: --chunk-size must be ≥ 1"); return Main.BAD_INPUT; }
        if (compact && full) { err.println("mianshen batch: give --full or --compact, not both"); return Main.BAD_INPUT; }
        String conflict = dbConflict();
        if (conflict != null) { err.println("mianshen batch: " + conflict); return Main.BAD_INPUT; }
        Db database = null;
        if (db != null) {
            try {
                database = Db.of(db, dbUser, dbPasswordFile, System.getenv());
                Db.table("--to-table", toTable);
                if (rejectsTable == null) rejectsTable = toTable + "_rejects";
                Db.table("--rejects-table", rejectsTable);
            } catch (IllegalArgumentException e) {
                err.println("mianshen batch: " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        RiskAreas risk;
        try {
            risk = riskAreas == null ? RiskAreas.none() : RiskAreas.load(riskAreas);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("mianshen batch: --risk-areas: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        BatchRules batchRules = null;
        if (db == null) {
            try { batchRules = (rules.rulesDir() == null ? BatchRules.bundled() : new BatchRules(rules.sources())).prefetch(); }
            catch (IOException e) { err.println("mianshen batch: --rules: " + e.getMessage()); return Main.BAD_INPUT; }
        }
        RuleEngine engine;
        try {
            engine = rules.engineForBatch(asOf == null ? LocalDate.now() : asOf, org.mianshen.engine.ResultAssembler.Selection.ENTITLEMENTS);
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
        Contract contract = full ? Contract.FULL : compact ? Contract.COMPACT : Contract.REGISTRY;
        var options = new BatchRunner.Options(input != null ? input : db, output, null, null, asOf == null ? LocalDate.now() : asOf, risk,
                threads, rejects, summary, !unordered, chunkSize, failOnReject, bar, compact, contract, resume);
        BatchRunner.Result r;
        String closing = null;
        if (database != null) {
            var outcome = DbBatch.run(engine, options, new DbBatch.Target(database, query, toTable, rejectsTable, runId, key, fetchSize), err);
            r = outcome.result();
            closing = outcome.closingLine();
        } else {
            r = new BatchRunner(engine, options, err).rules(batchRules).run();
        }
        if (r.report() != null && !quiet) err.print(r.report().toChinese());
        if (closing != null) err.println("mianshen batch: " + closing);
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
        try (var in = new org.mianshen.push.ResultReader(Path.of(output), org.mianshen.push.ResultLines.of(cat, Path.of(output)), false)) {
            for (org.mianshen.push.PushRecord p; (p = in.next()) != null; ) page.add(p);
            if (rejects != null && Files.isRegularFile(rejects)) page.addRejects(rejects);
            else if (r.report() != null) page.addRejectCounts(r.report().rejectedByField());
            page.write(report, "免申即享 批量匹配报告", "登记册 " + (input != null ? Path.of(input).getFileName() : "数据库查询") + "；评估日期 "
                    + (asOf == null ? LocalDate.now() : asOf) + "；读取 " + String.format("%,d", r.report() == null ? 0 : r.report().rowsRead()) + " 行");
            if (!quiet) err.println("报告：" + report);
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            err.println("mianshen batch: --report " + report + ": " + e.getMessage());
            return Main.INTERNAL;
        }
    }
}
