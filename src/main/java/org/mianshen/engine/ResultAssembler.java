package org.mianshen.engine;

import org.mianshen.model.Basis;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;
import org.mianshen.model.MatchResult;
import org.mianshen.model.Measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the grants the rules recorded into the output contract: one entitlement per benefit family
 * (the best measure first, the others as {@code alsoBasedOn}), reasons rendered from the rule's own
 * conditions with the enterprise's values, and the derived facts. Thread-safe.
 */
public final class ResultAssembler {
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, List<String[]>> reasonTemplates = new ConcurrentHashMap<>();

    public ResultAssembler(List<Measure> catalogue) {
        for (int i = 0; i < catalogue.size(); i++) order.put(catalogue.get(i).id(), i);
    }

    public MatchResult assemble(Enterprise e, List<String> readWarnings) {
        Map<String, List<Grant>> byFamily = new LinkedHashMap<>();
        for (Grant g : e.hits) byFamily.computeIfAbsent(g.measure.family(), k -> new ArrayList<>(2)).add(g);
        List<Entitlement> out = new ArrayList<>(byFamily.size());
        for (List<Grant> family : byFamily.values()) {
            family.sort(BEST_FIRST.thenComparing(g -> order.getOrDefault(g.measure.id(), 0)));
            Grant best = family.get(0);
            List<Entitlement.AlsoBasedOn> also = new ArrayList<>(family.size() - 1);
            for (int i = 1; i < family.size(); i++) {
                Grant g = family.get(i);
                also.add(new Entitlement.AlsoBasedOn(g.measure.id(), g.status(), g.amountYuan, g.detail,
                        labelled(g.missing), Basis.of(g.measure)));
            }
            Measure m = best.measure;
            out.add(new Entitlement(m.id(), m.family(), best.status(), m.title(), m.benefitType(), best.amountYuan,
                    best.detail, reasons(m, e), labelled(best.missing), m.confirm(), Basis.of(m),
                    m.validFrom(), m.validTo(), also));
        }
        out.sort(Comparator.comparing((Entitlement x) -> x.status() == Grant.Status.ELIGIBLE ? 0 : 1)
                .thenComparing(x -> order.getOrDefault(x.measureId(), 0)));
        List<String> warnings = new ArrayList<>(readWarnings);
        warnings.addAll(e.warnings);
        if (e.getRegionCode() == null) warnings.add("regionCode 未提供：只评估全国性措施，地方措施无法判断");
        return new MatchResult(e.getUscc(), e.getName(), e.asOf, derived(e), out, warnings);
    }

    /** ELIGIBLE before NEEDS_INFO, then the larger amount, then the more local measure. */
    private static final Comparator<Grant> BEST_FIRST = Comparator
            .comparing((Grant g) -> g.status() == Grant.Status.ELIGIBLE ? 0 : 1)
            .thenComparing(g -> g.amountYuan == null ? 0L : -g.amountYuan)
            .thenComparing(g -> -g.measure.jurisdiction().length());

    private static MatchResult.Derived derived(Enterprise e) {
        return new MatchResult.Derived(e.entityType, e.scale, e.scaleBasis, e.smallLowProfit, e.section, e.division,
                e.serviceIndustry, e.province, e.prefecture, e.county, e.countyRiskThisYear, e.prefectureRiskThisYear);
    }

    private static List<String> labelled(List<String> missing) {
        if (missing.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(missing.size());
        for (String m : missing) out.add(FactLabels.withName(m));
        return out;
    }

    /** Each condition in Chinese with the enterprise's value, e.g. "从业人员 ≤ 300（实际 8）". */
    List<String> reasons(Measure m, Enterprise e) {
        List<String[]> templates = reasonTemplates.computeIfAbsent(m.id(), k -> templates(m));
        List<String> out = new ArrayList<>(templates.size());
        for (String[] t : templates) {
            if (t[1] == null) { out.add(t[0]); continue; }
            Object v = e.rawValue(t[1]);
            out.add(t[0] + (v == null ? "（未知）" : "（实际 " + display(v) + "）"));
        }
        return out;
    }

    private static List<String[]> templates(Measure m) {
        List<String[]> out = new ArrayList<>();
        for (String c : m.conditions()) {
            String subject = ConditionText.subjectExpression(c);
            String ident = null;
            if (subject != null) {
                if (subject.matches("[a-zA-Z_]\\w*")) ident = subject;
                else if (subject.startsWith("industryIn(")) ident = "industryCode";
            }
            out.add(new String[]{ConditionText.render(c), ident});
        }
        return out;
    }

    private static String display(Object v) {
        if (v instanceof Boolean b) return b ? "是" : "否";
        if (v instanceof Enum<?> en) return en.name();
        return String.valueOf(v);
    }
}
