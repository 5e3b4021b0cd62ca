package org.mianshen.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same generated registry as JSON Lines and as CSV gives the same results, byte for byte. */
class FormatEquivalenceTest {
    @TempDir Path dir;

    @Test
    void jsonLinesAndCsvGiveIdenticalResults() throws Exception {
        Path jsonl = Registries.write(dir, "r.jsonl", Registries.lines(4000, 3, BatchRunner.Format.JSONL));
        Path csv = Registries.write(dir, "r.csv", Registries.lines(4000, 3, BatchRunner.Format.CSV));
        Path a = dir.resolve("a.jsonl"), b = dir.resolve("b.jsonl");
        PrintWriter quiet = new PrintWriter(new StringWriter());
        var ra = new BatchRunner(RuleEngine.bundledForBatch(), Registries.options(jsonl, a, 2, 250, null), quiet).run();
        var rb = new BatchRunner(RuleEngine.bundledForBatch(), Registries.options(csv, b, 2, 250, null), quiet).run();
        assertThat(ra.exitCode()).isZero();
        assertThat(rb.exitCode()).isZero();
        assertThat(ra.report().rowsRead()).isEqualTo(4000);
        assertThat(rb.report().rowsRead()).isEqualTo(4000);
        assertThat(rb.report().rejected()).isEqualTo(ra.report().rejected());
        assertThat(Files.mismatch(a, b)).as("JSONL and CSV inputs give the same output").isEqualTo(-1L);
        // the CSV output has one row per enterprise × entitlement (at least one per enterprise)
        Path c = dir.resolve("c.csv");
        var rc = new BatchRunner(RuleEngine.bundledForBatch(), Registries.options(jsonl, c, 2, 250, null), quiet).run();
        assertThat(rc.exitCode()).isZero();
        long expectedRows = 0;
        for (String l : Files.readAllLines(a)) {
            JsonNode n = Json.MAPPER.readTree(l);
            expectedRows += Math.max(1, n.get("entitlements").size());
        }
        List<String> rows = Files.readAllLines(c);
        assertThat(rows.get(0)).startsWith("uscc,name,asOf,");
        assertThat(rows.size() - 1L).isEqualTo(expectedRows);
    }
}
