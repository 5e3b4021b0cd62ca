package org.mianshen.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every .cases.yaml beside the bundled rules: one JUnit test per case.
 * {@code -Dmianshen.rules=rules/yunnan,rules/national/guofa-2022-12.drl} limits the run to those
 * rule files (and the cases beside them), so an author can test one document in isolation.
 */
class RuleCasesTest {
    @TestFactory
    Stream<DynamicTest> bundledCases() throws IOException {
        String only = System.getProperty("mianshen.rules", "").trim();
        RuleEngine engine;
        List<CaseRunner.CaseFile> files;
        if (only.isEmpty()) {
            engine = RuleEngine.bundled();
            files = CaseRunner.bundled();
        } else {
            List<RuleSource> sources = new ArrayList<>();
            files = new ArrayList<>();
            for (String part : only.split(",")) {
                Path p = Path.of(part.trim());
                if (!Files.exists(p)) continue; // not written yet
                if (Files.isDirectory(p)) {
                    sources.addAll(RuleSource.fromDirectory(p));
                    files.addAll(CaseRunner.fromPath(p));
                } else {
                    sources.add(new RuleSource(p.toString(), Files.readString(p), p));
                    Path cases = Path.of(p.toString().replaceAll("\\.drl$", ".cases.yaml"));
                    if (Files.exists(cases)) files.addAll(CaseRunner.fromPath(cases));
                }
            }
            engine = RuleEngine.compile(sources);
        }
        assertThat(files).as("cases files beside the rules").isNotEmpty();
        List<CaseRunner.Result> results = new CaseRunner(engine).run(files);
        return results.stream().map(r -> DynamicTest.dynamicTest(r.file() + " :: " + r.name(),
                () -> assertThat(r.failures()).as(r.file() + " :: " + r.name()).isEmpty()));
    }
}
