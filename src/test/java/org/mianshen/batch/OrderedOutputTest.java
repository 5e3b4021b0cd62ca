package org.mianshen.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Output in input order with several threads and small chunks; byte-identical to a one-thread run. */
class OrderedOutputTest {
    @TempDir Path dir;

    @Test
    void severalThreadsKeepInputOrderAndDiffCleanly() throws Exception {
        List<String> in = Registries.lines(6000, 11, BatchRunner.Format.JSONL);
        Path registry = Registries.write(dir, "r.jsonl", in);
        Path one = dir.resolve("one.jsonl"), four = dir.resolve("four.jsonl"), again = dir.resolve("again.jsonl");
        PrintWriter quiet = new PrintWriter(new StringWriter());
        RuleEngine engine = RuleEngine.bundledForBatch();

        assertThat(new BatchRunner(engine, Registries.options(registry, one, 1, 1000, null), quiet).run().exitCode()).isZero();
        assertThat(new BatchRunner(engine, Registries.options(registry, four, 4, 37, null), quiet).run().exitCode()).isZero();
        assertThat(new BatchRunner(engine, Registries.options(registry, again, 3, 53, null), quiet).run().exitCode()).isZero();

        List<String> expectedOrder = new ArrayList<>();
        for (String l : in) expectedOrder.add(Json.MAPPER.readTree(l).get("uscc").asText());
        List<String> got = new ArrayList<>();
        for (String l : Files.readAllLines(four)) got.add(Json.MAPPER.readTree(l).get("uscc").asText());
        assertThat(got).containsExactlyElementsOf(expectedOrder);
        assertThat(Files.mismatch(one, four)).as("4 threads vs 1 thread").isEqualTo(-1L);
        assertThat(Files.mismatch(four, again)).as("two multi-threaded runs").isEqualTo(-1L);
    }

    @Test
    void unorderedLosesNothing() throws Exception {
        List<String> in = Registries.lines(3000, 12, BatchRunner.Format.JSONL);
        Path registry = Registries.write(dir, "r.jsonl", in);
        Path out = dir.resolve("u.jsonl");
        var o = Registries.options(registry, out, 3, 29, null);
        var u = new BatchRunner.Options(o.input(), o.output(), null, null, o.asOf(), null, 3, null, null, false, 29, false, false);
        assertThat(new BatchRunner(RuleEngine.bundledForBatch(), u, new PrintWriter(new StringWriter())).run().exitCode()).isZero();
        List<String> want = new ArrayList<>(), got = new ArrayList<>();
        for (String l : in) want.add(Json.MAPPER.readTree(l).get("uscc").asText());
        for (String l : Files.readAllLines(out)) got.add(Json.MAPPER.readTree(l).get("uscc").asText());
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    }
}
