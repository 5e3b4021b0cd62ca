package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Grant;
import org.mianshen.model.Profile;
import org.mianshen.reference.RiskAreas;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Unknown facts make a measure NEEDS_INFO, unless a known branch of a disjunction already holds. */
class MissingFactsTest {
    static final String DRL = """
            package t;
            import org.mianshen.model.*;
            import function org.mianshen.engine.Conditions.yes;
            import function org.mianshen.engine.Conditions.atMost;
            rule "r1"
                @measure("r1") @family("f") @title("t") @doc("d") @docNumber("") @article("") @authority("")
                @source("x:1") @benefitType("SUBSIDY") @validFrom("") @validTo("") @jurisdiction("")
            when
                $e : Enterprise( ( yes(holds(Designation.HIGH_TECH)) || yes(manufacturing) ), atMost(employees, 300) )
            then
                $e.grant(drools);
            end
            """;

    private Grant run(String industry, List<org.mianshen.model.Designation> designations, Integer employees) {
        RuleEngine engine = RuleEngine.compile(List.of(new RuleSource("t.drl", DRL, null)));
        Profile p = new Profile();
        p.uscc = "91410724MA44GY2P5W";
        p.industryCode = industry;
        p.designations = designations;
        p.employees = employees;
        Enterprise e = new Deriver(LocalDate.of(2022, 6, 30), RiskAreas.none()).derive(p);
        try (Matcher m = engine.newMatcher()) { m.match(e); }
        return e.hits.isEmpty() ? null : e.hits.get(0);
    }

    @Test
    void knownTrueBranchMakesTheUnknownOtherBranchIrrelevant() {
        Grant g = run("3441", null, 50);
        assertThat(g.status()).isEqualTo(Grant.Status.ELIGIBLE);
    }

    @Test
    void unknownBranchWithTheOtherKnownFalseIsMissing() {
        Grant g = run("6210", null, 50);
        assertThat(g.status()).isEqualTo(Grant.Status.NEEDS_INFO);
        assertThat(g.missing).containsExactly("designations");
    }

    @Test
    void everyUnknownIsNamed() {
        Grant g = run(null, null, null);
        assertThat(g.missing).containsExactlyInAnyOrder("designations", "industryCode", "employees");
    }

    @Test
    void knownFalseEverywhereDoesNotFire() {
        assertThat(run("6210", List.of(), 50)).isNull();
        assertThat(run("3441", null, 301)).isNull();
    }

    @Test
    void parsesDisjunctionsOnlyAtTheirOwnLevel() throws Exception {
        Condition any = ConditionParser.parse("( yes(smallMicro) || yes(industryIn(\"x || y\")) )");
        assertThat(any).isInstanceOf(Condition.Any.class);
        assertThat(((Condition.Any) any).parts()).hasSize(2);
        Condition all = ConditionParser.parse("(yes(smallMicro) || yes(sme)) && yes(manufacturing)");
        assertThat(all).isInstanceOf(Condition.All.class);
        assertThat(((Condition.All) all).parts().get(0)).isInstanceOf(Condition.Any.class);
    }
}
