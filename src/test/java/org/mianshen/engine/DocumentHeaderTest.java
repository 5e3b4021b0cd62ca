package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.model.Measure;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A .drl's document header is inherited by its rules, a rule's own annotation wins, and a field missing from both is a problem per rule. */
class DocumentHeaderTest {
    private static final String HEADER = """
            // @doc("示例文件") @docNumber("示〔2026〕1号") @authority("示例局")
            // @validFrom("2026-01-01") @validTo("2026-12-31") @validToBasis("STATED") @jurisdiction("4107") @sourceText("t.txt")
            package org.mianshen.rules;
            import org.mianshen.model.*;
            import function org.mianshen.engine.Conditions.yes;
            """;

    private static String rule(String id, String extra) {
        return """
                rule "%s"
                    @measure("%s") @family("%s") @title("t") @article("一") @source("3-4") @benefitType("SUBSIDY") @delivery("AUTOMATIC") %s
                when
                    $e : Enterprise( yes(smallMicro) )
                then
                    $e.grant(drools);
                end
                """.formatted(id, id, id, extra);
    }

    @Test
    void inheritedAndOverridden() {
        RuleTree t = RuleTree.parse(List.of(new RuleSource("a.drl", HEADER + rule("a-one", "") + rule("a-two", "@validTo(\"2026-06-30\")"), null)));
        assertThat(t.problems()).isEmpty();
        Measure one = t.measures().get(0), two = t.measures().get(1);
        assertThat(one.doc()).isEqualTo("示例文件");
        assertThat(one.jurisdiction()).isEqualTo("4107");
        assertThat(one.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(one.source()).isEqualTo("t.txt:3-4");
        assertThat(two.validTo()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void missingFieldIsReportedPerRuleAndUnknownHeaderKeysAreProblems() {
        String noAuthority = HEADER.replace(" @authority(\"示例局\")", "").replace("@docNumber", "@title(\"x\") @docNumber");
        RuleTree t = RuleTree.parse(List.of(new RuleSource("b.drl", noAuthority + rule("b-one", "") + rule("b-two", "@authority(\"局\")"), null)));
        assertThat(t.problems()).extracting(RuleProblem::toString)
                .anyMatch(p -> p.contains("@title cannot be stated in the document header"))
                .anyMatch(p -> p.contains("rule 'b-one' lacks @authority"))
                .noneMatch(p -> p.contains("rule 'b-two' lacks"));
    }
}
