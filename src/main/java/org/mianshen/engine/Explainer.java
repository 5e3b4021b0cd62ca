package org.mianshen.engine;

import org.mianshen.model.Enterprise;
import org.mianshen.model.Measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Says why a measure did not apply to an enterprise by evaluating the rule's own conditions, one at a time,
 * on their {@link Condition} trees against the same fact: what is explained is exactly what the rule tests.
 * Every line is Chinese prose with the actual value ("从业人员不超过300人（实际 312人）").
 */
public final class Explainer {
    private final RuleEngine engine;

    public Explainer(RuleEngine engine) { this.engine = engine; }

    /** Kept for callers that warm start-up paths; the tree evaluation needs no warm-up. */
    public static void warmUp() { }

    /** Evaluates one condition text of the vocabulary against the enterprise (unknown facts pass, as in the rules). */
    static boolean holds(String condition, Enterprise e) {
        ConditionEvaluator.Outcome o = ConditionEvaluator.evaluate(ConditionCache.of(condition), e);
        return o.unknown() || o.value();
    }

    /**
     * One condition's verdict.
     *
     * @param rendered the condition in Chinese with the actual values
     * @param passed   it holds, or an unknown fact leaves it open (the rule would fire, as NEEDS_INFO)
     * @param missing  the profile inputs that would decide it, when it is open
     */
    public record Verdict(String condition, String rendered, boolean passed, List<String> missing) {}

    /** Every condition of the measure's rule, evaluated against the enterprise. */
    public List<Verdict> evaluate(Measure m, Enterprise e) {
        List<Verdict> out = new ArrayList<>(m.conditions().size());
        for (String c : m.conditions()) {
            Condition tree = ConditionCache.of(c);
            ConditionEvaluator.Outcome o = ConditionEvaluator.evaluate(tree, e, RuleFunctions.of(m));
            out.add(new Verdict(c, ConditionRenderer.reason(tree, m, e), o.unknown() || o.value(), o.missing()));
        }
        return out;
    }

    /** The conditions that failed, in Chinese with the actual values. */
    public List<String> failedConditions(Measure m, Enterprise e) {
        List<String> out = new ArrayList<>();
        for (Verdict v : evaluate(m, e)) if (!v.passed()) out.add("不满足：" + v.rendered());
        return out;
    }

    public List<NotEntitled> notEntitled(Enterprise e) { return notEntitled(e, false, false); }

    /**
     * Every measure of the enterprise's jurisdictions that did not apply: those in force on the as-of date with
     * the conditions that failed (near misses, one failed condition, first), then those that did not apply
     * because of the date, with their window ("已于 2022-12-31 到期", "自 2023-01-01 起施行"). SUPPORT measures and
     * drafts only when they are asked for.
     */
    public List<NotEntitled> notEntitled(Enterprise e, boolean support, boolean drafts) {
        Set<String> fired = new HashSet<>();
        for (var g : e.hits) fired.add(g.measure.id());
        List<NotEntitled> inForce = new ArrayList<>(), outOfWindow = new ArrayList<>();
        for (Measure m : engine.catalogue()) {
            if (fired.contains(m.id()) || !m.appliesIn(e.regionForJurisdiction())) continue;
            if ((m.isSupport() && !support) || (m.isDraft() && !drafts)) continue;
            if (!m.inForce(e.asOf)) {
                String why = m.validTo() != null && e.asOf.isAfter(m.validTo())
                        ? "已于 " + m.validTo() + " 到期（评估日期 " + e.asOf + "）"
                        : "自 " + m.validFrom() + " 起施行（评估日期 " + e.asOf + " 尚未施行）";
                outOfWindow.add(new NotEntitled(m.id(), m.title(), List.of(why), false));
                continue;
            }
            List<String> failed = failedConditions(m, e);
            inForce.add(new NotEntitled(m.id(), m.title(), failed, failed.size() == 1));
        }
        inForce.sort(Comparator.comparingInt((NotEntitled n) -> n.failed().size()));
        inForce.addAll(outOfWindow);
        return inForce;
    }
}
