package org.mianshen.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's --help teaches with an example and exits 0; --version names the engine. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"match", "rules", "schema", "test", "check", "batch", "generate", "push", "diff", "notify"})
    void helpHasExamples(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: mianshen " + command).containsIgnoringCase("example");
    }

    @Test
    void version() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("mianshen").contains("Drools 10.2.0");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRun r = CliRun.of("match", "x.json", "--frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate");
    }
}
