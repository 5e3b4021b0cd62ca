package org.mianshen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `check` reports each kind of broken rule tree with the right file and line. */
class CheckCommandTest {
    @TempDir Path dir;

    static final String HEAD = """
            package org.mianshen.rules;
            import org.mianshen.model.*;
            import function org.mianshen.engine.Conditions.atMost;

            """;

    static String rule(String id, String meta, String condition) {
        return """
                // 二（一） 002_4c316c2dd6ba49dd.txt:18
                // "2022年对省内承租国有企业、机关事业单位国有房屋的服务业小微企业和个体工商户减免3个月租金"
                rule "%s"
                    @measure("%s") @family("f") @title("t") @doc("d") @docNumber("") @article("二（一）") @authority("a")
                    @source("002_4c316c2dd6ba49dd.txt:18") @benefitType("RENT_WAIVER") @delivery("AUTOMATIC") @validToBasis("STATED") @jurisdiction("53") %s
                when
                    $e : Enterprise( %s )
                then
                    $e.grant(drools);
                end
                """.formatted(id, id, meta, condition);
    }

    private CliRun check(String drl) throws Exception {
        Files.writeString(dir.resolve("doc.drl"), HEAD + drl);
        return CliRun.of("check", "--rules", dir.toString(), "--seeds", "../shared/seeds");
    }

    @Test
    void syntaxErrorIsLocated() throws Exception {
        CliRun r = check(rule("yunnan-rent-waiver-3m", "@validFrom(\"\") @validTo(\"\")", "atMost(employees, 300) ").replace("when\n    $e : Enterprise( atMost(employees, 300)  )", "when\n    $e : Enterprise( atMost(employees, 300) "));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("doc\\.drl:12:\\d+: .*mismatched input 'then'");
    }

    @Test
    void missingMetadataIsLocated() throws Exception {
        CliRun r = check(rule("yunnan-rent-waiver-3m", "@validFrom(\"\")", "atMost(employees, 300)"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("doc.drl:7:1: rule 'yunnan-rent-waiver-3m' lacks @validTo");
    }

    @Test
    void badDateAndReversedWindow() throws Exception {
        CliRun bad = check(rule("yunnan-rent-waiver-3m", "@validFrom(\"2022-02-30\") @validTo(\"\")", "atMost(employees, 300)"));
        assertThat(bad.out()).contains("doc.drl:7:1: rule 'yunnan-rent-waiver-3m': @validFrom(\"2022-02-30\") is not a date");
        CliRun reversed = check(rule("yunnan-rent-waiver-3m", "@validFrom(\"2022-12-31\") @validTo(\"2022-01-01\")", "atMost(employees, 300)"));
        assertThat(reversed.out()).contains("doc.drl:7:1: rule 'yunnan-rent-waiver-3m': @validFrom 2022-12-31 is after @validTo 2022-01-01");
    }

    @Test
    void jumpOutOfTheConsequenceIsRefused() throws Exception {
        // the engine runs a consequence once per matched enterprise, in a loop: a return would skip the rest
        String drl = rule("yunnan-rent-waiver-3m", "@validFrom(\"\") @validTo(\"\")", "atMost(employees, 300)")
                .replace("$e.grant(drools);", "if ($e.getEmployees() == null) return;\n    $e.grant(drools).detail(\"no return here\");");
        CliRun r = check(drl);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("doc.drl:7:1: rule 'yunnan-rent-waiver-3m': no return, break or continue in a consequence");
        CliRun inString = check(rule("yunnan-rent-waiver-3m", "@validFrom(\"\") @validTo(\"\")", "atMost(employees, 300)")
                .replace("$e.grant(drools);", "$e.grant(drools).detail(\"return visit\");"));
        assertThat(inString.out()).doesNotContain("no return, break or continue");
    }

    @Test
    void unknownIdAndUnknownFactAndMissingCases() throws Exception {
        Files.writeString(dir.resolve("doc.drl"), HEAD + rule("no-such-measure", "@validFrom(\"\") @validTo(\"\")", "atMost(employes, 300)"));
        CliRun r = CliRun.of("check", "--rules", dir.toString(), "--catalogue", "../shared/policy/measures.jsonl", "--seeds", "../shared/seeds");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("doc\\.drl:11:\\d+: .*employes.*not a fact of Enterprise");
    }

    @Test
    void lintFindsIdNotInCatalogueWrongQuoteAndNoCases() throws Exception {
        String drl = rule("no-such-measure", "@validFrom(\"\") @validTo(\"\")", "atMost(employees, 300)")
                .replace("减免3个月租金\"", "减免9个月租金\"");
        Files.writeString(dir.resolve("doc.drl"), HEAD + drl);
        CliRun r = CliRun.of("check", "--rules", dir.toString(), "--catalogue", "../shared/policy/measures.jsonl", "--seeds", "../shared/seeds");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("doc.drl:7:1: measure id 'no-such-measure' is not in the catalogue")
                .contains("doc.drl:7:1: the quoted sentence is not in 002_4c316c2dd6ba49dd.txt:18")
                .contains("doc.drl:7:1: no case expects 'no-such-measure' to fire")
                .contains("doc.drl:7:1: no case expects 'no-such-measure' not to fire");
    }

    @Test
    void cleanTreePasses() throws Exception {
        Files.writeString(dir.resolve("doc.drl"), HEAD + rule("yunnan-rent-waiver-3m", "@validFrom(\"2022-01-01\") @validTo(\"2022-12-31\")", "atMost(employees, 300)"));
        Files.writeString(dir.resolve("doc.cases.yaml"), """
                defaults: {asOf: 2022-06-30, profile: {regionCode: "530102"}}
                cases:
                  - {name: small, profile: {employees: 300}, eligible: [yunnan-rent-waiver-3m]}
                  - {name: big, profile: {employees: 301}, notFired: [yunnan-rent-waiver-3m]}
                """);
        CliRun r = CliRun.of("check", "--rules", dir.toString(), "--catalogue", "../shared/policy/measures.jsonl", "--seeds", "../shared/seeds");
        assertThat(r.out()).endsWith("1 rules in 1 files, 0 problem(s)\n");
        assertThat(r.exit()).isEqualTo(0);
        CliRun t = CliRun.of("test", "--rules", dir.toString());
        assertThat(t.out()).contains("2 passed, 0 failed");
        assertThat(t.exit()).isEqualTo(0);
    }

    @Test
    void testCommandReportsFailingCase() throws Exception {
        Files.writeString(dir.resolve("doc.drl"), HEAD + rule("yunnan-rent-waiver-3m", "@validFrom(\"2022-01-01\") @validTo(\"2022-12-31\")", "atMost(employees, 300)"));
        Files.writeString(dir.resolve("doc.cases.yaml"), """
                defaults: {asOf: 2022-06-30, profile: {regionCode: "530102"}}
                cases:
                  - {name: wrong expectation, profile: {employees: 301}, eligible: [yunnan-rent-waiver-3m]}
                """);
        CliRun t = CliRun.of("test", "--rules", dir.toString());
        assertThat(t.exit()).isEqualTo(1);
        assertThat(t.out()).contains("FAIL doc.cases.yaml :: wrong expectation :: yunnan-rent-waiver-3m: expected ELIGIBLE, did not fire (failed: 不满足：从业人员不超过300人（实际 301人）)")
                .contains("0 passed, 1 failed");
    }
}
