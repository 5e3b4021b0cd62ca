package org.mianshen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mianshen.io.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each sample profile, run with the options in its {@code .options} file, prints exactly its
 * {@code .expected.json}. After a deliberate rule change, regenerate them with
 * {@code mvn test -Dtest=SamplesTest -Dmianshen.updateSamples=true} and review the diff.
 */
class SamplesTest {
    @TestFactory
    Stream<DynamicTest> samplesMatchTheirExpectedOutput() throws Exception {
        boolean update = Boolean.getBoolean("mianshen.updateSamples");
        List<Path> profiles;
        try (Stream<Path> s = Files.list(Path.of("samples/profiles"))) {
            profiles = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertThat(profiles).hasSizeGreaterThanOrEqualTo(12);
        return profiles.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Path options = Path.of(p.toString().replace(".json", ".options"));
            List<String> args = new ArrayList<>(List.of("match", p.toString(), "--format", "json"));
            if (Files.exists(options)) args.addAll(Arrays.asList(Files.readString(options).trim().split("\\s+")));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isEqualTo(0);
            Path expected = Path.of(p.toString().replace(".json", ".expected.json"));
            if (update) Files.writeString(expected, r.out());
            assertThat(expected).as("expected output beside the sample").exists();
            JsonNode want = Json.MAPPER.readTree(Files.readString(expected));
            JsonNode got = Json.MAPPER.readTree(r.out());
            assertThat(got).as(p + " vs " + expected).isEqualTo(want);
            assertThat(got.path("entitlements").size()).as("a sample that shows nothing shows nothing").isGreaterThan(0);
        }));
    }
}
