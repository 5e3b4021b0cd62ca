package org.mianshen.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.Summary;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job and {@code batch} give the same rows for the same registry and as-of: the bundled sample registry
 * (its first 2,000 rows, to keep CI lean, plus planted bad rows) through {@link MatchJob} in {@code local[2]} and
 * through {@link BatchRunner} with {@code --compact}; every entitlement row (enterprise, rank, measure, family,
 * delivery, status, amount, amount period, amount missing, missing, alsoBasedOn), every reject (field, reason, raw row) and the summary must agree.
 * The same for CSV input and for Parquet with typed and nested columns.
 */
class MatchJobEquivalenceTest {
    static final LocalDate AS_OF = LocalDate.parse("2022-06-30");
    static final Path SAMPLES = Path.of("..", "samples");
    static SparkSession spark;

    @BeforeAll
    static void start() { spark = LocalSpark.session(); }

    /** Bad rows of several kinds, each rejected by batch with a field and a reason. */
    static final List<String> BAD = List.of(
            "{\"uscc\":\"91410726B7DKQQXQ37\",\"employees\":",                                       // malformed JSON
            "{\"uscc\":\"91410726B7DKQQXQ37\",\"entityType\":\"ENTERPRISE\",\"operatingRevenueYuan\":-5}", // negative amount
            "{\"uscc\":\"NOT-A-USCC\",\"entityType\":\"ENTERPRISE\"}",                                  // bad USCC
            "{\"uscc\":\"91410726B7DKQQXQ37\",\"entityType\":\"ROBOT\"}",                               // unknown enum
            "{\"uscc\":\"91410726B7DKQQXQ37\",\"premises\":[{\"ownership\":\"STATE\",\"monthlyRentYuan\":\"lots\"}]}");

    @Test
    void jsonLinesGiveBatchsRowsRejectsAndSummary(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(head(SAMPLES.resolve("registry-10k.jsonl"), 2000));
        // planted among good rows; a blank line is no row (as in batch)
        for (int i = 0; i < BAD.size(); i++) lines.add(300 * (i + 1), BAD.get(i));
        lines.add(1000, "");
        Path in = dir.resolve("registry.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);

        Batch b = batch(in, dir.resolve("batch"));
        Path out = dir.resolve("spark");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Summary.Report r = MatchJob.run(spark, JobOptions.parse("--input", in.toString(), "--output", out.toString(),
                "--as-of", AS_OF.toString()), new PrintStream(err, true, StandardCharsets.UTF_8));

        List<String> sparkRows = sparkRows(out);
        assertSameRows(sparkRows, b.rows);
        assertThat(sparkRows).hasSizeGreaterThan(2000 * 5);    // the registry is granted ~18 entitlements an enterprise

        // rejects: the same rows with the same field and reason
        List<String> sparkRejects = spark.read().parquet(out.resolve("rejects").toString()).collectAsList().stream()
                .map(x -> x.getAs("field") + " | " + x.getAs("reason") + " | " + x.getAs("raw")).sorted().toList();
        List<String> batchRejects = new ArrayList<>();
        for (String l : Files.readAllLines(b.rejects)) {
            JsonNode n = Json.MAPPER.readTree(l);
            batchRejects.add(n.get("field").asText() + " | " + n.get("reason").asText() + " | " + n.get("raw").asText());
        }
        batchRejects.sort(null);
        assertThat(sparkRejects).hasSize(BAD.size()).isEqualTo(batchRejects);
        assertThat(spark.read().parquet(out.resolve("rejects").toString()).filter("uscc = '91410726B7DKQQXQ37'").count()).isEqualTo(3);

        // the summary: the same counts, families, measures and jurisdictions as batch --summary
        assertThat(r.rowsRead()).isEqualTo(2000 + BAD.size());
        assertThat(r.rejected()).isEqualTo(BAD.size());
        assertThat(comparable(Files.readString(out.resolve("summary.json")))).isEqualTo(comparable(Files.readString(b.summary)));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("批量匹配完成：读取 2,005 行，匹配 2,000 户，拒收 5 行");

        // partitioned by jurisdiction; the measures table has every measure of the catalogue
        try (Stream<Path> s = Files.list(out.resolve("entitlements"))) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("jurisdiction=53", "jurisdiction=4107", "jurisdiction=national");
        }
        assertThat(spark.read().parquet(out.resolve("measures").toString()).count())
                .isEqualTo(RuleEngine.bundledForBatch().catalogue().size());
    }

    @Test
    void csvAndTypedParquetGiveBatchsRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("registry.csv");
        Files.write(csv, head(SAMPLES.resolve("registry-10k.csv"), 501), StandardCharsets.UTF_8);   // header + 500
        Batch b = batch(csv, dir.resolve("batch"));

        Path fromCsv = dir.resolve("from-csv");
        MatchJob.run(spark, JobOptions.parse("--input", csv.toString(), "--output", fromCsv.toString(), "--as-of", AS_OF.toString(),
                "--partition-by", "measure", "-q"), new PrintStream(new ByteArrayOutputStream()));
        assertSameRows(sparkRows(fromCsv), b.rows);

        // Parquet with typed columns (bigint, double, boolean) and nested ones (arrays of structs), snake_case names,
        // as a data platform would hold the registry: the same 500 enterprises from the JSON Lines sample
        Path jsonl = dir.resolve("registry.jsonl");
        Files.write(jsonl, head(SAMPLES.resolve("registry-10k.jsonl"), 500), StandardCharsets.UTF_8);
        Path parquet = dir.resolve("registry.parquet");
        var df = spark.read().json(jsonl.toString());
        for (String c : df.columns()) df = df.withColumnRenamed(c, c.replaceAll("([A-Z])", "_$1").toLowerCase());
        df.write().parquet(parquet.toString());
        Path fromParquet = dir.resolve("from-parquet");
        MatchJob.run(spark, JobOptions.parse("--input", parquet.toString(), "--output", fromParquet.toString(), "--as-of", AS_OF.toString(),
                "--partition-by", "none", "-q"), new PrintStream(new ByteArrayOutputStream()));
        assertSameRows(sparkRows(fromParquet), b.rows);
    }

    @Test
    void anAuthorsRuleTreeTravelsToTheExecutors(@TempDir Path dir) throws Exception {
        // the invented example policy of docs/rule-authoring.md (4107, graduates hired in 2023), read on the driver
        Path rules = Path.of("..", "docs", "example");
        LocalDate asOf = LocalDate.parse("2023-06-30");
        Path in = dir.resolve("registry.jsonl");
        Files.write(in, head(SAMPLES.resolve("registry-10k.jsonl"), 1000), StandardCharsets.UTF_8);
        RuleEngine engine = RuleEngine.compileForBatch(org.mianshen.engine.RuleSource.fromDirectory(rules));
        Batch b = batch(in, dir.resolve("batch"), asOf, engine);
        Path out = dir.resolve("spark");
        MatchJob.run(spark, JobOptions.parse("--input", in.toString(), "--output", out.toString(), "--as-of", asOf.toString(),
                "--rules", rules.toString(), "-q"), new PrintStream(new ByteArrayOutputStream()));
        List<String> rows = sparkRows(out);
        assertSameRows(rows, b.rows);
        assertThat(rows).isNotEmpty().allMatch(r -> r.contains("example-graduate-hiring-subsidy"));
        assertThat(spark.read().parquet(out.resolve("measures").toString()).count()).isEqualTo(1);

        // a tree that does not compile stops the job on the driver, naming the file
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("broken.drl"), "package x;\nrule \"r\" when Enterprise( then end\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MatchJob.run(spark, JobOptions.parse("--input", in.toString(),
                        "--output", dir.resolve("never").toString(), "--rules", bad.toString(), "-q"), new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(JobOptions.BadOption.class).hasMessageContaining("broken.drl");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    record Batch(List<String> rows, Path rejects, Path summary) {}

    static Batch batch(Path in, Path dir) throws IOException { return batch(in, dir, AS_OF, RuleEngine.bundledForBatch()); }

    /** batch --compact on the same file and as-of, in this JVM. */
    static Batch batch(Path in, Path dir, LocalDate asOf, RuleEngine engine) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve("out.jsonl"), rejects = dir.resolve("rejects.jsonl"), summary = dir.resolve("summary.json");
        BatchRunner.Options o = new BatchRunner.Options(in.toString(), out.toString(), null, BatchRunner.Format.JSONL, asOf, null,
                2, rejects, summary, true, 0, false, false, true);
        BatchRunner.Result r = new BatchRunner(engine, o, new PrintWriter(new StringWriter())).run();
        assertThat(r.exitCode()).as(r.message()).isZero();
        List<String> rows = new ArrayList<>();
        for (String l : Files.readAllLines(out)) {
            JsonNode n = Json.MAPPER.readTree(l);
            int rank = 0;
            for (JsonNode e : n.get("entitlements")) {
                StringBuilder also = new StringBuilder();
                if (e.has("alsoBasedOn"))
                    for (JsonNode a : e.get("alsoBasedOn"))
                        also.append(a.get("measureId").asText()).append(':').append(a.get("status").asText()).append(':')
                                .append(a.has("amountYuan") ? a.get("amountYuan").asText() : "").append(':').append(strings(a.get("missing"))).append(';');
                rows.add(row(n.get("uscc").asText(), n.get("asOf").asText(), ++rank, e.get("measureId").asText(), text(e, "family"), text(e, "delivery"),
                        e.get("status").asText(), e.has("amountYuan") ? e.get("amountYuan").asText() : "", text(e, "amountPeriod"),
                        strings(e.get("amountMissing")), strings(e.get("missing")), also.toString()));
            }
        }
        return new Batch(rows.stream().sorted().toList(), rejects, summary);
    }

    /** The entitlements the job wrote, one comparable line per enterprise × entitlement. */
    static List<String> sparkRows(Path out) {
        List<String> rows = new ArrayList<>();
        for (Row x : spark.read().parquet(out.resolve("entitlements").toString()).collectAsList()) {
            StringBuilder also = new StringBuilder();
            List<Row> a = x.isNullAt(x.fieldIndex("also_based_on")) ? List.of() : x.getList(x.fieldIndex("also_based_on"));
            for (Row y : a)
                also.append(y.<String>getAs("measure_id")).append(':').append(y.<String>getAs("status")).append(':')
                        .append(y.isNullAt(2) ? "" : y.getLong(2)).append(':')
                        .append(y.isNullAt(3) ? "" : String.join(",", y.<String>getList(3))).append(';');
            int missing = x.fieldIndex("missing");
            rows.add(row(x.getAs("uscc"), x.<java.sql.Date>getAs("as_of").toLocalDate(), x.<Integer>getAs("rank"), x.getAs("measure_id"), x.getAs("family"), x.getAs("delivery"),
                    x.getAs("status"), x.isNullAt(x.fieldIndex("amount_yuan")) ? "" : String.valueOf(x.<Long>getAs("amount_yuan")),
                    x.getAs("amount_period"), x.isNullAt(x.fieldIndex("amount_missing")) ? "" : String.join(",", x.<String>getList(x.fieldIndex("amount_missing"))),
                    x.isNullAt(missing) ? "" : String.join(",", x.<String>getList(missing)), also.toString()));
        }
        return rows.stream().sorted().toList();
    }

    static String row(Object... parts) {
        return Stream.of(parts).map(p -> p == null ? "" : p.toString()).collect(Collectors.joining(" | "));
    }

    static String text(JsonNode n, String f) { return n.has(f) && !n.get(f).isNull() ? n.get(f).asText() : ""; }

    static String strings(JsonNode a) {
        if (a == null || a.isNull()) return "";
        List<String> l = new ArrayList<>();
        a.forEach(x -> l.add(x.asText()));
        return String.join(",", l);
    }

    /** Equal lists, with the first differences shown rather than 40,000 lines. */
    static void assertSameRows(List<String> spark, List<String> batch) {
        Set<String> s = new HashSet<>(spark), b = new HashSet<>(batch);
        List<String> onlySpark = spark.stream().filter(x -> !b.contains(x)).limit(5).toList();
        List<String> onlyBatch = batch.stream().filter(x -> !s.contains(x)).limit(5).toList();
        assertThat(onlySpark).as("rows only in the Spark output").isEmpty();
        assertThat(onlyBatch).as("rows only in batch's output").isEmpty();
        assertThat(spark).hasSameSizeAs(batch);
        assertThat(spark.equals(batch)).as("same rows, same multiplicity").isTrue();
    }

    /** The summary without what differs by design: paths, threads, time. */
    static JsonNode comparable(String json) throws IOException {
        ObjectNode n = (ObjectNode) Json.MAPPER.readTree(json);
        n.remove(List.of("input", "output", "rejectsFile", "threads", "elapsedSeconds", "rowsPerSecond"));
        return n;
    }

    static List<String> head(Path file, int n) throws IOException {
        try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) { return s.limit(n).toList(); }
    }
}
