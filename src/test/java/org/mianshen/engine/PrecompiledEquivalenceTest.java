package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.io.Json;
import org.mianshen.io.ProfileReader;
import org.mianshen.reference.RiskAreas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precompiled executable model (what `match` and `batch` use) and runtime DRL compilation (what
 * `--rules DIR` uses) give identical results on every sample profile and on the sample registry.
 */
class PrecompiledEquivalenceTest {
    @Test
    void executableModelAndRuntimeDrlAgree() throws Exception {
        RuleEngine precompiled = RuleEngine.bundled();
        assertThat(precompiled.origin()).as("mvn builds the executable model in process-classes").contains("executable model");
        RuleEngine runtime = RuleEngine.compile(RuleSource.bundled());
        assertThat(runtime.catalogue()).isEqualTo(precompiled.catalogue());

        List<String> profiles = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("samples/profiles"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".json") && !x.toString().endsWith(".expected.json")).sorted().toList())
                profiles.add(Files.readString(p));
        }
        Path registry = Path.of("samples/registry-10k.jsonl");
        if (Files.exists(registry)) try (Stream<String> lines = Files.lines(registry)) { lines.limit(3000).forEach(profiles::add); }
        RiskAreas risk = RiskAreas.load(Path.of("samples/risk-areas-2022.csv"));
        ProfileReader reader = new ProfileReader();
        int compared = 0;
        for (LocalDate asOf : List.of(LocalDate.of(2022, 6, 30), LocalDate.of(2023, 3, 1))) {
            MatchService a = new MatchService(precompiled, asOf, risk), b = new MatchService(runtime, asOf, risk);
            for (String json : profiles) {
                ProfileReader.Read read;
                try { read = reader.read(json); } catch (Exception bad) { continue; }
                assertThat(Json.MAPPER.writeValueAsString(a.match(read)))
                        .as("profile %s as of %s", read.profile().uscc, asOf)
                        .isEqualTo(Json.MAPPER.writeValueAsString(b.match(read)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(24);
    }
}
