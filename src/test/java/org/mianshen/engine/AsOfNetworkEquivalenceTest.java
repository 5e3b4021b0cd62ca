package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.io.Json;
import org.mianshen.io.ProfileReader;
import org.mianshen.model.Enterprise;
import org.mianshen.reference.RiskAreas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch run builds its network for one date with only the rules that can grant something that day (in force,
 * neither SUPPORT nor a draft): this proves it answers exactly what the whole tree answers with validity and the
 * selection applied, on 2,000 registry rows, at dates on both sides of the common validity boundaries.
 */
class AsOfNetworkEquivalenceTest {
    static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 12, 31), LocalDate.of(2022, 6, 30),
            LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 2));

    @Test
    void theNetworkOfOneDateAnswersWhatTheWholeTreeAnswers() throws Exception {
        RuleEngine whole = RuleEngine.bundledForBatch();
        List<ProfileReader.Read> reads = registry(2000);
        RiskAreas risk = RiskAreas.load(Path.of("samples/risk-areas-2022.csv"));
        ResultAssembler assembler = new ResultAssembler(ResultAssembler.Selection.ENTITLEMENTS);
        long entitlements = 0;
        for (LocalDate asOf : DATES) {
            RuleEngine ofTheDay = RuleEngine.bundledForBatch(asOf, ResultAssembler.Selection.ENTITLEMENTS);
            assertThat(ofTheDay.origin()).contains("executable model");
            assertThat(rules(ofTheDay)).as("rules in the network on %s", asOf).isLessThan(rules(whole));
            Deriver deriver = new Deriver(asOf, risk);
            for (int from = 0; from < reads.size(); from += 250) {
                List<ProfileReader.Read> chunk = reads.subList(from, Math.min(reads.size(), from + 250));
                List<Enterprise> a = new ArrayList<>(), b = new ArrayList<>();
                for (ProfileReader.Read r : chunk) { a.add(deriver.derive(r.profile())); b.add(deriver.derive(r.profile())); }
                try (Matcher m = whole.newMatcher()) { m.match(a); }
                try (Matcher m = ofTheDay.newMatcher()) { m.match(b); }
                for (int k = 0; k < chunk.size(); k++) {
                    var expected = assembler.assemble(a.get(k), chunk.get(k).warnings());
                    entitlements += expected.entitlements().size();
                    assertThat(Json.MAPPER.writeValueAsString(assembler.assemble(b.get(k), chunk.get(k).warnings())))
                            .as("row %d as of %s", from + k + 1, asOf).isEqualTo(Json.MAPPER.writeValueAsString(expected));
                }
            }
        }
        assertThat(entitlements).as("the registry exercises the rules").isGreaterThan(10_000);
    }

    @Test
    void anAuthorsTreeIsFilteredTheSameWay() throws Exception {
        List<RuleSource> sources = RuleSource.bundled();
        LocalDate asOf = LocalDate.of(2022, 12, 31);
        RuleEngine ofTheDay = RuleEngine.compileForBatch(sources, asOf, new ResultAssembler.Selection(false, true));
        assertThat(ofTheDay.catalogue()).hasSameSizeAs(RuleEngine.bundledForBatch().catalogue());
        int kept = 0;
        for (var m : ofTheDay.catalogue()) if (m.inForce(asOf) && !m.isSupport()) kept++;
        assertThat(rules(ofTheDay)).isEqualTo(kept);
    }

    static List<ProfileReader.Read> registry(int n) throws Exception {
        List<ProfileReader.Read> reads = new ArrayList<>();
        ProfileReader reader = new ProfileReader();
        try (Stream<String> lines = Files.lines(Path.of("samples/registry-10k.jsonl"))) {
            for (String line : lines.limit(n).toList()) {
                try { reads.add(reader.read(line)); } catch (Exception planted) { /* bad rows are the reader's business */ }
            }
        }
        return reads;
    }

    static int rules(RuleEngine e) {
        int n = 0;
        for (var p : e.kieBase().getKiePackages()) n += p.getRules().size();
        return n;
    }
}
