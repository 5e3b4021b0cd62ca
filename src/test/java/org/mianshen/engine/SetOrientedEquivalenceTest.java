package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
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
 * For batch the engine compiles each rule to fire once per {@code fireAllRules} for every enterprise it
 * matches ({@code RuleTree.collectPerChunk}). This proves that form (the precompiled batch model) grants
 * exactly what the rules as written grant, one enterprise at a time — statuses, amounts, details, missing facts, order — on 3,000 registry
 * rows matched in chunks of 250, as {@code batch} does, and that it really fires once per rule and chunk.
 */
class SetOrientedEquivalenceTest {
    @Test
    void chunkedSetOrientedRulesGrantWhatTheRulesAsWrittenGrant() throws Exception {
        // batch's precompiled model against the rules as written, compiled from DRL at run time
        RuleEngine setOriented = RuleEngine.bundledForBatch();
        assertThat(setOriented.origin()).contains("batch form");
        RuleEngine asWritten = RuleEngine.compile(RuleSource.bundled());
        assertThat(asWritten.catalogue()).isEqualTo(setOriented.catalogue());

        List<ProfileReader.Read> reads = new ArrayList<>();
        ProfileReader reader = new ProfileReader();
        try (Stream<String> lines = Files.lines(Path.of("samples/registry-10k.jsonl"))) {
            for (String line : lines.limit(3000).toList()) {
                try { reads.add(reader.read(line)); } catch (Exception planted) { /* bad rows are the reader's business */ }
            }
        }
        assertThat(reads).hasSizeGreaterThan(2500);

        RiskAreas risk = RiskAreas.load(Path.of("samples/risk-areas-2022.csv"));
        ResultAssembler assembler = new ResultAssembler();
        long grants = 0, firings = 0, chunks = 0;
        for (LocalDate asOf : List.of(LocalDate.of(2022, 6, 30), LocalDate.of(2023, 3, 1))) {
            Deriver deriver = new Deriver(asOf, risk);
            for (int from = 0; from < reads.size(); from += 250) {
                List<ProfileReader.Read> chunk = reads.subList(from, Math.min(reads.size(), from + 250));
                List<Enterprise> batch = new ArrayList<>();
                for (ProfileReader.Read r : chunk) batch.add(deriver.derive(r.profile()));
                firings += fire(setOriented, batch);
                chunks++;
                try (Matcher one = asWritten.newMatcher()) {
                    for (int k = 0; k < chunk.size(); k++) {
                        Enterprise alone = deriver.derive(chunk.get(k).profile());
                        one.match(alone);
                        grants += alone.hits.size();
                        assertThat(Json.MAPPER.writeValueAsString(assembler.assemble(batch.get(k), chunk.get(k).warnings())))
                                .as("row %d as of %s", from + k + 1, asOf)
                                .isEqualTo(Json.MAPPER.writeValueAsString(assembler.assemble(alone, chunk.get(k).warnings())));
                    }
                }
            }
        }
        assertThat(grants).as("the registry exercises the rules").isGreaterThan(100_000);
        // one firing per rule and chunk: at most one per rule of the catalogue, far fewer than the grants
        assertThat(firings).isLessThanOrEqualTo(chunks * setOriented.catalogue().size()).isLessThan(grants / 50);
    }

    /** Matches a chunk in one session, as the batch's Matcher does, and returns how many times rules fired. */
    private static int fire(RuleEngine engine, List<Enterprise> batch) {
        KieSession session = engine.kieBase().newKieSession();
        try (Matcher sink = engine.newMatcher()) {
            for (Enterprise e : batch) { e.sink = sink; session.insert(e); }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}
