package org.mianshen.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of docs/rule-authoring.md stays true: check is clean, its cases pass. */
class RuleAuthoringExampleTest {
    @Test
    void exampleTreeChecksAndPasses() {
        CliRun check = CliRun.of("check", "--rules", "docs/example", "--seeds", "docs/example/texts");
        assertThat(check.out()).contains("1 rules in 1 files, 0 problem(s)");
        assertThat(check.exit()).isZero();
        CliRun test = CliRun.of("test", "--rules", "docs/example");
        assertThat(test.out()).contains("9 passed, 0 failed");
        assertThat(test.exit()).isZero();
    }
}
