package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Hire;
import org.mianshen.model.HireCategory;
import org.mianshen.model.Measure;
import org.mianshen.model.Profile;
import org.mianshen.reference.RiskAreas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --explain and reasons evaluate the rule-file functions a condition calls, as compiled, in both forms of the rule
 * base: runtime DRL (an author's tree) and the precompiled executable model (the bundled tree).
 * xinxiang-startup-guarantee-loan: 新招用 ≥ 15% of 在职职工 (8% over 100), through two functions of the rule file.
 */
class RuleFunctionsTest {
    private static final String ID = "xinxiang-startup-guarantee-loan";

    private static Enterprise enterprise(int employees, Integer graduates) {
        Profile p = new Profile();
        p.uscc = "91410724MA44GY2P5W";
        p.regionCode = "410724";
        p.industryCode = "6210";
        p.employees = employees;
        p.operatingRevenueYuan = 500_000L;
        if (graduates != null) {
            Hire h = new Hire();
            h.category = HireCategory.GRADUATE_THIS_YEAR;
            h.count = graduates;
            h.contractMonths = 12;
            p.hires = new ArrayList<>(List.of(h));
        }
        return new Deriver(LocalDate.of(2022, 6, 30), RiskAreas.none()).derive(p);
    }

    private static List<RuleSource> xinxiang() {
        return RuleSource.bundled().stream().filter(s -> s.path().endsWith("xinzhengban-2022-14.drl")).toList();
    }

    @Test
    void runtimeDrlFunctionsAreEvaluated() { evaluatesBothSides(RuleEngine.compile(xinxiang())); }

    @Test
    void precompiledFunctionsAreEvaluated() { evaluatesBothSides(RuleEngine.bundled()); }

    private static void evaluatesBothSides(RuleEngine engine) {
        Measure m = engine.measure(ID);
        Explainer ex = new Explainer(engine);
        // 20 staff: 15% is 3 persons; 2 hires fail, 3 pass
        List<Explainer.Verdict> two = ex.evaluate(m, enterprise(20, 2));
        List<Explainer.Verdict> three = ex.evaluate(m, enterprise(20, 3));
        Explainer.Verdict quotaTwo = two.get(two.size() - 1), quotaThree = three.get(three.size() - 1);
        assertThat(quotaTwo.passed()).as(quotaTwo.rendered()).isFalse();
        assertThat(quotaTwo.rendered()).contains("新招用符合创业担保贷款条件人员达到现有在职职工的15%").endsWith("（否）");
        assertThat(quotaThree.passed()).as(quotaThree.rendered()).isTrue();
        assertThat(quotaThree.rendered()).endsWith("（是）");
        // unknown hires: open, naming the input
        List<Explainer.Verdict> unknown = ex.evaluate(m, enterprise(20, null));
        assertThat(unknown.get(unknown.size() - 1).missing()).containsExactly("hires");
        for (Explainer.Verdict v : two) assertThat(v.rendered()).doesNotContain("由规则函数计算");
    }

    @Test
    void functionsAreFoundByNameAndArity() {
        RuleEngine engine = RuleEngine.compile(xinxiang());
        RuleFunctions fns = RuleFunctions.of(engine.measure(ID));
        assertThat(fns).isNotNull();
        assertThat(fns.find("sum3", 3)).isNotNull();
        assertThat(fns.call("sum3", List.of(1, 2L, 3))).isEqualTo(6);
        assertThat(fns.find("sum3", 2)).isNull();
    }
}
