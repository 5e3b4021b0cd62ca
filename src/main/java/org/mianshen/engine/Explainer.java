package org.mianshen.engine;

import org.mianshen.model.Enterprise;
import org.mianshen.model.Measure;
import org.mvel2.MVEL;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says why a measure did not fire for an enterprise by evaluating the rule's own conditions, one at a
 * time, against the same fact (with MVEL, the expression language the DRL constraints are written in).
 * No second copy of any condition exists: what is explained is exactly what the rule tests.
 */
public final class Explainer {
    private static final ParserConfiguration CONFIG = config();
    private static final Map<String, Serializable> COMPILED = new ConcurrentHashMap<>();

    private final RuleEngine engine;

    public Explainer(RuleEngine engine) { this.engine = engine; }

    private static ParserConfiguration config() {
        ParserConfiguration pc = new ParserConfiguration();
        for (Method m : Conditions.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == Conditions.class) pc.addImport(m.getName(), m);
        }
        for (Class<?> c : new Class<?>[]{org.mianshen.model.Scale.class, org.mianshen.model.EntityType.class,
                org.mianshen.model.VatTaxpayer.class, org.mianshen.model.TaxCreditRating.class,
                org.mianshen.model.Designation.class, org.mianshen.model.HireCategory.class,
                org.mianshen.model.LoanKind.class, org.mianshen.model.Guarantor.class,
                org.mianshen.model.PremisesOwnership.class}) {
            pc.addImport(c.getSimpleName(), c);
        }
        return pc;
    }

    /** Evaluates one condition (or branch) of the Conditions vocabulary against the enterprise. */
    static boolean holds(String condition, Enterprise e) {
        Serializable compiled = COMPILED.computeIfAbsent(condition, k -> MVEL.compileExpression(k, new ParserContext(CONFIG)));
        return Boolean.TRUE.equals(MVEL.executeExpression(compiled, e));
    }

    /** The value of a fact expression such as {@code hires(HireCategory.GRADUATE_THIS_YEAR, 12)}; null if unknown or not evaluable. */
    static Object value(String expression, Enterprise e) {
        try {
            Serializable compiled = COMPILED.computeIfAbsent(expression, k -> MVEL.compileExpression(k, new ParserContext(CONFIG)));
            return MVEL.executeExpression(compiled, e);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** One condition's verdict: {@code true} passed, {@code false} failed, with its rendering and the actual value. */
    public record Verdict(String condition, String rendered, boolean passed, String actual, List<String> missing) {}

    /** Every condition of the measure's rule, evaluated against the enterprise. */
    public List<Verdict> evaluate(Measure m, Enterprise e) {
        List<Verdict> out = new ArrayList<>(m.conditions().size());
        for (String c : m.conditions()) {
            boolean passed;
            try {
                passed = holds(c, e);
            } catch (RuntimeException ex) {
                out.add(new Verdict(c, ConditionText.render(c), false, "(cannot evaluate: " + ex.getMessage() + ")", List.of()));
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String ref : RuleTree.references(c)) {
                for (String need : e.missingInputs(ref)) if (!missing.contains(need)) missing.add(need);
            }
            List<String> values = new ArrayList<>();
            String subject = ConditionText.subjectExpression(c);
            Object value = subject == null ? null : value(subject, e);
            if (value != null) values.add(String.valueOf(value instanceof Enum<?> en ? en.name() : value));
            else for (String ref : RuleTree.references(c)) {
                Object v = e.rawValue(ref);
                if (v != null && !(v instanceof List<?>)) values.add(FactLabels.label(ref) + " " + v);
            }
            out.add(new Verdict(c, ConditionText.render(c), passed, String.join(", ", values), missing));
        }
        return out;
    }

    /** The conditions that failed, rendered as "从业人员 ≤ 300 required, is 312". */
    public List<String> failedConditions(Measure m, Enterprise e) {
        List<String> out = new ArrayList<>();
        for (Verdict v : evaluate(m, e)) {
            if (!v.passed()) out.add(v.rendered() + " required" + (v.actual().isEmpty() ? "" : ", is " + v.actual()));
        }
        return out;
    }

    /**
     * Every measure in force on the as-of date in the enterprise's jurisdictions that did not fire,
     * with the conditions that failed; near misses (one failed condition) first.
     */
    public List<NotEntitled> notEntitled(Enterprise e) {
        java.util.Set<String> fired = new java.util.HashSet<>();
        for (var g : e.hits) fired.add(g.measure.id());
        List<NotEntitled> out = new ArrayList<>();
        for (Measure m : engine.catalogue()) {
            if (fired.contains(m.id()) || !m.appliesIn(e.getRegionCode()) || !m.inForce(e.asOf)) continue;
            List<String> failed = failedConditions(m, e);
            out.add(new NotEntitled(m.id(), m.title(), failed, failed.size() == 1));
        }
        out.sort(java.util.Comparator.comparingInt((NotEntitled n) -> n.failed().size()));
        return out;
    }
}
