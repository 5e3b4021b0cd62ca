package org.mianshen.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** diff: empty against itself; exactly the affected enterprises when one rule changes; unsorted input sorted externally. */
class DiffTest {
    @TempDir static Path dir;
    static Path treeA, treeB, outA, outB, reg;
    static final String ID = "example-graduate-hiring-subsidy";

    @BeforeAll
    static void runBoth() throws IOException {
        // the authoring example (a 4107 graduate-hiring subsidy, 1000 元 per graduate, capped at 50,000): tree B caps it at 2,000
        treeA = PushFixtures.copyTree(Path.of("docs/example"), dir.resolve("a"));
        treeB = PushFixtures.copyTree(Path.of("docs/example"), dir.resolve("b"));
        Path drl = treeB.resolve("example-graduate-subsidy.drl");
        String text = Files.readString(drl);
        assertThat(text).contains(".cap(50000)");
        Files.writeString(drl, text.replace(".cap(50000)", ".cap(2000)"));
        reg = PushFixtures.registry(dir, "reg.jsonl", 3000, 11);
        outA = dir.resolve("a.jsonl");
        outB = dir.resolve("b.jsonl");
        for (Object[] x : new Object[][]{{treeA, outA}, {treeB, outB}}) {
            var r = PushFixtures.cli("batch", reg.toString(), "-o", x[1].toString(), "--as-of", "2023-06-30", "-q", "--compact", "--rules", x[0].toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
    }

    static List<JsonNode> lines(Path p) throws IOException {
        List<JsonNode> l = new ArrayList<>();
        for (String s : Files.readAllLines(p, StandardCharsets.UTF_8)) l.add(Json.MAPPER.readTree(s));
        return l;
    }

    @Test
    void aRunAgainstItselfIsEmpty() throws IOException {
        Path out = dir.resolve("self.jsonl");
        var r = PushFixtures.cli("diff", outA.toString(), outA.toString(), "-o", out.toString(), "--rules", treeA.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out)).isEmpty();
        assertThat(r.err()).contains("没有变化");
    }

    @Test
    void oneRuleChangedListsExactlyTheAffectedEnterprises() throws IOException {
        // expected, from run A alone and the change: every enterprise whose subsidy in A is above the new cap
        Map<String, Long> expected = new HashMap<>();
        for (JsonNode r : lines(outA))
            for (JsonNode e : r.get("entitlements"))
                if (e.get("measureId").asText().equals(ID) && e.path("amountYuan").isNumber() && e.get("amountYuan").asLong() > 2000)
                    expected.put(r.get("uscc").asText(), e.get("amountYuan").asLong());
        assertThat(expected).as("the generated registry has enterprises above the new cap").hasSizeGreaterThan(3);

        Path out = dir.resolve("changed.jsonl");
        var r = PushFixtures.cli("diff", outA.toString(), outB.toString(), "-o", out.toString(), "--rules", treeB.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Long> listed = new HashMap<>();
        for (JsonNode d : lines(out)) {
            assertThat(d.get("enterprise").asText()).isEqualTo("CHANGED");
            assertThat(d.get("changes")).hasSize(1);
            JsonNode c = d.get("changes").get(0);
            assertThat(c.get("measureId").asText()).isEqualTo(ID);
            assertThat(c.get("change").asText()).isEqualTo("CHANGED");
            assertThat(c.get("amountYuan").asLong()).isEqualTo(2000);
            assertThat(c.get("status").asText()).isEqualTo(c.get("oldStatus").asText());
            listed.put(d.get("uscc").asText(), c.get("oldAmountYuan").asLong());
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(r.err()).contains(ID).contains("合计");

        // push --since writes only those rows
        Path push = dir.resolve("since");
        var p = PushFixtures.cli("push", outB.toString(), "--since", outA.toString(), "-o", push.toString(), "--format", "csv", "--rules", treeB.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        List<List<String>> rows = PushListsTest.csv(push.resolve(ID + ".csv"));
        List<List<String>> data = rows.subList(PushLists.PREAMBLE_ROWS + 1, rows.size());
        assertThat(data).hasSize(expected.size());
        assertThat(data).allSatisfy(row -> assertThat(row.get(0)).startsWith("金额变化"));
        assertThat(data.stream().map(row -> row.get(1)).toList()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void newAndGoneEntitlementsAndEnterprises() throws IOException {
        // NEW: the run with the rule against a run of the same registry with no rule file at all (an empty tree is refused,
        // so compare against A with the lines of the subsidy's enterprises dropped from OLD)
        List<String> a = Files.readAllLines(outA);
        List<String> fewer = a.subList(0, a.size() - 10);
        Path old = dir.resolve("fewer.jsonl");
        Files.write(old, fewer);
        Path out = dir.resolve("added.jsonl");
        var r = PushFixtures.cli("diff", old.toString(), outA.toString(), "-o", out.toString(), "--rules", treeA.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        long withEntitlement = a.subList(a.size() - 10, a.size()).stream().filter(s -> !s.contains("\"entitlements\":[]")).count();
        List<JsonNode> d = lines(out);
        assertThat(d).hasSize((int) withEntitlement);
        assertThat(d).allSatisfy(n -> {
            assertThat(n.get("enterprise").asText()).isEqualTo("ADDED");
            assertThat(n.get("changes").get(0).get("change").asText()).isEqualTo("NEW");
        });
        // and the other way round: GONE / REMOVED
        r = PushFixtures.cli("diff", outA.toString(), old.toString(), "-o", out.toString(), "--rules", treeA.toString());
        assertThat(lines(out)).hasSize((int) withEntitlement).allSatisfy(n -> {
            assertThat(n.get("enterprise").asText()).isEqualTo("REMOVED");
            assertThat(n.get("changes").get(0).get("change").asText()).isEqualTo("GONE");
        });
    }

    @Test
    void unsortedInputIsSortedExternallyWithTheSameResult() throws IOException {
        List<String> shuffled = new ArrayList<>(Files.readAllLines(outB));
        Collections.shuffle(shuffled, new Random(5));
        Path unsorted = dir.resolve("shuffled.jsonl");
        Files.write(unsorted, shuffled);
        Path x = dir.resolve("x.jsonl"), y = dir.resolve("y.jsonl");
        var r1 = PushFixtures.cli("diff", outA.toString(), outB.toString(), "-o", x.toString(), "--rules", treeB.toString(), "-q");
        var r2 = PushFixtures.cli("diff", outA.toString(), unsorted.toString(), "-o", y.toString(), "--rules", treeB.toString(), "-q",
                "--tmp", dir.toString());
        assertThat(r1.exit()).isZero();
        assertThat(r2.exit()).as(r2.err()).isZero();
        assertThat(r1.err()).as("batch output of a generated registry is in input order, not uscc order").contains("sorting");
        assertThat(r2.err()).contains("not sorted by uscc").contains("sorting");
        assertThat(Files.readAllLines(y)).isEqualTo(Files.readAllLines(x));
    }

    @Test
    void externalSortWithManyRunsSortsAndKeepsEveryLine() throws IOException {
        List<String> shuffled = new ArrayList<>(Files.readAllLines(outA));
        Collections.shuffle(shuffled, new Random(9));
        Path in = dir.resolve("to-sort.jsonl");
        Files.write(in, shuffled);
        Path sorted = ExternalSort.sort(in, dir, 20_000);   // ~20 KB runs: many temporary files merged
        List<String> got = Files.readAllLines(sorted);
        List<String> want = new ArrayList<>(shuffled);
        want.sort(java.util.Comparator.comparing(ResultReader::usccOf));
        assertThat(got).isEqualTo(want);
        try (var s = Files.list(dir)) { assertThat(s.filter(p -> p.getFileName().toString().startsWith("mianshen-run-")).toList()).isEmpty(); }
    }

    @Test
    void aRepeatedUsccIsAnError() throws IOException {
        List<String> a = new ArrayList<>(Files.readAllLines(outA));
        a.add(a.get(0));
        Path dup = dir.resolve("dup.jsonl");
        Files.write(dup, a);
        var r = PushFixtures.cli("diff", outA.toString(), dup.toString(), "--rules", treeA.toString(), "-o", dir.resolve("d.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("repeats line").contains("must appear once");
    }
}
