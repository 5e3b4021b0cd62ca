package org.mianshen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.RegistryGenerator;
import org.mianshen.io.Json;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `mianshen batch` and `mianshen generate`: exit codes, files, summary. */
class BatchCommandTest {
    @TempDir Path dir;

    private Path registry(String name, int n, long seed) throws Exception {
        StringWriter w = new StringWriter();
        new RegistryGenerator(seed).write(n, BatchRunner.Format.of(name), w);
        Path p = dir.resolve(name);
        Files.writeString(p, w.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private Path withBadRows(Path good) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.add(3, "{\"uscc\":\"91410724MA44GY2P5X\"}");
        lines.add(10, "not json");
        Path p = dir.resolve("bad.jsonl");
        Files.write(p, lines);
        return p;
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(dir)) { return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList(); }
    }

    @Test
    void completedRunWithRejectsExitsZeroAndWritesSummary() throws Exception {
        Path in = withBadRows(registry("r.jsonl", 500, 1));
        Path out = dir.resolve("out.jsonl"), rej = dir.resolve("rej.jsonl"), sum = dir.resolve("sum.json");
        CliRun r = CliRun.of("batch", in.toString(), "-o", out.toString(), "--as-of", "2022-06-30", "--rejects", rej.toString(),
                "--summary", sum.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("批量匹配完成").contains("读取 502 行").contains("拒收 2 行").contains("按地区").contains("行/秒");
        assertThat(Files.readAllLines(out)).hasSize(500);
        assertThat(Files.readAllLines(rej)).hasSize(2);
        JsonNode s = Json.MAPPER.readTree(sum.toFile());
        assertThat(s.get("completed").asBoolean()).isTrue();
        assertThat(s.get("rowsRead").asLong()).isEqualTo(502);
        assertThat(s.get("matched").asLong()).isEqualTo(500);
        assertThat(s.get("rejected").asLong()).isEqualTo(2);
        for (String f : List.of("entitlementsByFamily", "entitlementsByMeasure", "enterprisesByJurisdiction", "rowsPerSecond", "rejectedByField"))
            assertThat(s.has(f)).as(f).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void failOnRejectExitsTwoAndPublishesNoOutput() throws Exception {
        Path in = withBadRows(registry("r.jsonl", 200, 2));
        Path out = dir.resolve("out.jsonl"), rej = dir.resolve("rej.jsonl");
        CliRun r = CliRun.of("batch", in.toString(), "-o", out.toString(), "--as-of", "2022-06-30", "--rejects", rej.toString(), "--fail-on-reject");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--fail-on-reject");
        assertThat(out).doesNotExist();
        assertThat(Files.readAllLines(rej)).hasSize(2);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void unreadableInputExitsTwo() throws Exception {
        assertThat(CliRun.of("batch", dir.resolve("missing.jsonl").toString(), "-o", dir.resolve("o.jsonl").toString()).exit()).isEqualTo(2);
        Path odd = Files.writeString(dir.resolve("r.xml"), "<x/>");
        assertThat(CliRun.of("batch", odd.toString(), "-o", dir.resolve("o.jsonl").toString()).exit()).isEqualTo(2);
        Path noUscc = Files.writeString(dir.resolve("r.csv"), "name,employees\nA,3\n");
        CliRun r = CliRun.of("batch", noUscc.toString(), "-o", dir.resolve("o.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("uscc");
        Path empty = Files.writeString(dir.resolve("e.csv"), "");
        assertThat(CliRun.of("batch", empty.toString(), "-o", dir.resolve("o.jsonl").toString()).exit()).isEqualTo(2);
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void cancelledRunLeavesNoFileUnderTheFinalName() throws Exception {
        Path in = registry("r.jsonl", 30000, 3);
        Path out = dir.resolve("out.jsonl"), rej = dir.resolve("rej.jsonl");
        var o = new BatchRunner.Options(in.toString(), out.toString(), null, null, java.time.LocalDate.of(2022, 6, 30), null, 2, rej,
                null, true, 200, false, false);
        BatchRunner runner = runner(o);
        Thread t = new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException ignored) { } runner.cancel(); });
        t.start();
        BatchRunner.Result res = runner.run();
        t.join();
        assertThat(res.exitCode()).isEqualTo(BatchRunner.INTERRUPTED);
        assertThat(res.message()).contains("interrupted").contains("stopped after input line");
        assertThat(out).doesNotExist();
        assertThat(rej).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void failedRunLeavesNoFileAndExitsOne() throws Exception {
        Path in = registry("r.jsonl", 3000, 4);
        Path out = dir.resolve("out.jsonl");
        var o = BatchRunner.Options.of(in.toString(), out.toString());
        BatchRunner runner = runner(o)
                .processor(tally -> (chunk, co) -> {
                    if (chunk.seq() == 2) throw new IllegalStateException("disk on fire");
                    for (int i = 0; i < chunk.size(); i++) { co.out().write('x'); co.out().write('\n'); co.wrote(); }
                });
        BatchRunner.Result res = runner.run();
        assertThat(res.exitCode()).isEqualTo(1);
        assertThat(res.message()).contains("disk on fire").contains("nothing written to");
        assertThat(out).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void killedProcessLeavesNoFileAndSaysWhereItStopped() throws Exception {
        Path in = registry("big.jsonl", 150000, 5);
        Path out = dir.resolve("out.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch", in.toString(),
                "-o", out.toString(), "--as-of", "2022-06-30", "--threads", "1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("said.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (leftovers().isEmpty() && p.isAlive() && System.currentTimeMillis() < deadline) Thread.sleep(50);
        Thread.sleep(1500);                                  // let it write some chunks
        assertThat(p.isAlive()).as("still running when killed").isTrue();
        p.destroy();                                         // SIGTERM, like kill
        p.waitFor();
        String said = Files.readString(dir.resolve("said.txt"), StandardCharsets.UTF_8);
        assertThat(said).contains("interrupted after input line").contains("nothing written to");
        assertThat(out).doesNotExist();
        // a file-to-file run checkpoints as it goes: once it has, what it wrote stays for --resume (ResumeTest), nothing else
        if (Files.exists(dir.resolve("out.jsonl.checkpoint"))) {
            assertThat(said).contains("--resume");
            assertThat(leftovers()).extracting(f -> f.getFileName().toString()).containsExactly(".out.jsonl.resume.partial");
        } else assertThat(leftovers()).isEmpty();
    }

    @Test
    void generateIsSeededAndBothFormatsDescribeTheSameRegistry() throws Exception {
        Path a = dir.resolve("a.jsonl"), b = dir.resolve("b.jsonl"), c = dir.resolve("c.csv");
        assertThat(CliRun.of("generate", "300", "-o", a.toString(), "--seed", "9").exit()).isZero();
        assertThat(CliRun.of("generate", "300", "-o", b.toString(), "--seed", "9").exit()).isZero();
        assertThat(CliRun.of("generate", "300", "-o", c.toString(), "--seed", "9").exit()).isZero();
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        assertThat(Files.readAllLines(a)).hasSize(300);
        assertThat(Files.readAllLines(c)).hasSize(301);
        assertThat(CliRun.of("generate", "3", "-o", dir.resolve("x.xml").toString()).exit()).isEqualTo(2);
    }

    @Test
    void helpShowsExamplesAndTheCsvConvention() {
        CliRun r = CliRun.of("batch", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Examples:").contains("HIGH_TECH|TECH_SME").contains("Exit codes").contains("Exit codes");
    }

    @Test
    void compactOutputKeepsEveryEntitlementAndDropsTheMeasuresConstantParts() throws Exception {
        Path in = registry("r.jsonl", 200, 7);
        Path full = dir.resolve("full.jsonl"), compact = dir.resolve("compact.jsonl");
        assertThat(CliRun.of("batch", in.toString(), "-o", full.toString(), "--as-of", "2022-06-30", "-q", "--full").exit()).isZero();
        assertThat(CliRun.of("batch", in.toString(), "-o", compact.toString(), "--as-of", "2022-06-30", "-q", "--compact").exit()).isZero();
        List<String> f = Files.readAllLines(full), c = Files.readAllLines(compact);
        assertThat(c).hasSameSizeAs(f);
        long entitlements = 0;
        for (int i = 0; i < f.size(); i++) {
            JsonNode a = Json.MAPPER.readTree(f.get(i)), b = Json.MAPPER.readTree(c.get(i));
            assertThat(b.get("uscc")).isEqualTo(a.get("uscc"));
            assertThat(b.get("derived")).isEqualTo(a.get("derived"));
            assertThat(b.get("entitlements")).hasSameSizeAs(a.get("entitlements"));
            for (int k = 0; k < a.get("entitlements").size(); k++) {
                JsonNode x = a.get("entitlements").get(k), y = b.get("entitlements").get(k);
                for (String field : List.of("measureId", "family", "status", "amountYuan", "missing"))
                    assertThat(y.get(field)).as("line %d entitlement %d %s", i + 1, k, field).isEqualTo(x.get(field));
                for (String field : List.of("title", "reasons", "detail", "confirm", "basis", "validFrom", "validTo"))
                    assertThat(y.has(field)).as("compact output has no %s", field).isFalse();
                assertThat(y.path("alsoBasedOn").size()).isEqualTo(x.path("alsoBasedOn").size());
                entitlements++;
            }
        }
        assertThat(entitlements).isGreaterThan(200);
        assertThat(Files.size(compact)).isLessThan(Files.size(full) / 4);
    }

    /** An author's tree in batch: compiled at run time in the batch form (one firing per chunk), same grants as `test`. */
    @Test
    void authorsRulesRunInBatch() throws Exception {
        String base = "\"industryCode\":\"3441\",\"employees\":50,\"operatingRevenueYuan\":10000000";
        Path in = dir.resolve("authors.jsonl");
        Files.write(in, List.of(
                "{\"uscc\":\"91410724H7RG57XH9E\",\"regionCode\":\"410702\"," + base
                        + ",\"hires\":[{\"category\":\"GRADUATE_THIS_YEAR\",\"count\":3,\"contractMonths\":12}]}",
                "{\"uscc\":\"91410724N8GM4R7C47\",\"regionCode\":\"410702\"," + base
                        + ",\"hires\":[{\"category\":\"GRADUATE_THIS_YEAR\",\"count\":3,\"contractMonths\":11}]}",
                "{\"uscc\":\"91410724XXWC1HWF8T\",\"regionCode\":\"410702\"," + base
                        + ",\"hires\":[{\"category\":\"GRADUATE_THIS_YEAR\",\"count\":60,\"contractMonths\":24}]}",
                "{\"uscc\":\"91530102MA6K00006F\",\"regionCode\":\"410105\"," + base
                        + ",\"hires\":[{\"category\":\"GRADUATE_THIS_YEAR\",\"count\":3,\"contractMonths\":12}]}"));
        Path out = dir.resolve("authors-out.jsonl");
        CliRun r = CliRun.of("batch", in.toString(), "-o", out.toString(), "--rules", "docs/example", "--as-of", "2023-06-30", "-q");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        List<String> amounts = new ArrayList<>();
        for (String l : lines) {
            JsonNode es = Json.MAPPER.readTree(l).get("entitlements");
            amounts.add(es.isEmpty() ? "none" : es.get(0).get("measureId").asText() + " " + es.get(0).get("status").asText()
                    + " " + es.get(0).get("amountYuan").asText());
        }
        assertThat(amounts).containsExactly("example-graduate-hiring-subsidy ELIGIBLE 3000", "none",
                "example-graduate-hiring-subsidy ELIGIBLE 50000", "none");
    }

    /** A batch run with the bundled rules in their batch form and no console output. */
    private static BatchRunner runner(BatchRunner.Options o) {
        return new BatchRunner(org.mianshen.engine.RuleEngine.bundledForBatch(), o, new java.io.PrintWriter(new StringWriter()));
    }
}
