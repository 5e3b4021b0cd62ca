package org.mianshen.engine;

import org.mianshen.model.Enterprise;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a {@link Condition} tree against an enterprise in three values: holds, fails, or unknown with
 * the profile inputs that would decide it ("missing is not false"). Facts are read through the same
 * {@code Enterprise} accessors the rules call, so what is evaluated is what the rule tests.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    /**
     * @param value     TRUE holds, FALSE fails, null unknown
     * @param missing   when unknown: the profile inputs that would decide it
     * @param evaluable false when a rule-file function stands in the way (the engine cannot run it outside Drools)
     */
    public record Outcome(Boolean value, List<String> missing, boolean evaluable) {
        static final Outcome TRUE = new Outcome(Boolean.TRUE, List.of(), true);
        static final Outcome FALSE = new Outcome(Boolean.FALSE, List.of(), true);
        static final Outcome OPAQUE = new Outcome(null, List.of(), false);

        public boolean unknown() { return value == null; }
    }

    /** Thrown inside a term that calls a rule-file function. */
    static final class Opaque extends RuntimeException {
        Opaque() { super(null, null, false, false); }
    }

    public static Outcome evaluate(Condition c, Enterprise e) { return evaluate(c, e, null); }

    /** As {@link #evaluate(Condition, Enterprise)}, calling the rule-file functions compiled in {@code fns} (null: none). */
    static Outcome evaluate(Condition c, Enterprise e, RuleFunctions fns) {
        if (c instanceof Condition.All a) return all(a.parts(), e, fns);
        if (c instanceof Condition.Any a) return any(a.parts(), e, fns);
        if (c instanceof Condition.Not n) {
            Outcome o = evaluate(n.part(), e, fns);
            return o.unknown() ? o : o.value() ? Outcome.FALSE : Outcome.TRUE;
        }
        return test((Condition.Test) c, e, fns);
    }

    private static Outcome all(List<Condition> parts, Enterprise e, RuleFunctions fns) { return combine(parts, e, fns, Boolean.FALSE); }

    private static Outcome any(List<Condition> parts, Enterprise e, RuleFunctions fns) { return combine(parts, e, fns, Boolean.TRUE); }

    /**
     * Kleene logic over the parts: one part with the deciding value ({@code FALSE} for all, {@code TRUE} for any)
     * decides; else any unknown part leaves the whole unknown, with the inputs of every unknown part.
     */
    private static Outcome combine(List<Condition> parts, Enterprise e, RuleFunctions fns, Boolean deciding) {
        Set<String> missing = null;
        boolean evaluable = true;
        for (Condition p : parts) {
            Outcome o = evaluate(p, e, fns);
            if (deciding.equals(o.value())) return deciding ? Outcome.TRUE : Outcome.FALSE;
            if (o.unknown()) {
                if (missing == null) missing = new LinkedHashSet<>();
                missing.addAll(o.missing());
                evaluable &= o.evaluable();
            }
        }
        if (missing == null) return deciding ? Outcome.FALSE : Outcome.TRUE;
        return new Outcome(null, List.copyOf(missing), evaluable);
    }

    private static Outcome test(Condition.Test t, Enterprise e, RuleFunctions fns) {
        Object subject;
        List<Object> operands = new ArrayList<>(t.operands().size());
        try {
            subject = value(t.subject(), e, fns);
            for (Condition.Term op : t.operands()) operands.add(value(op, e, fns));
        } catch (Opaque o) {
            List<String> missing = inputsOf(t.subject(), e, fns);
            return missing.isEmpty() ? Outcome.OPAQUE : new Outcome(null, missing, true);
        }
        if (subject == null || operands.contains(null)) {
            Set<String> missing = new LinkedHashSet<>(inputsOf(t.subject(), e, fns));
            for (Condition.Term op : t.operands()) missing.addAll(inputsOf(op, e, fns));
            return new Outcome(null, List.copyOf(missing), true);
        }
        boolean holds = switch (t.function()) {
            case "atMost" -> Conditions.atMost((Number) subject, (Number) operands.get(0));
            case "below" -> Conditions.below((Number) subject, (Number) operands.get(0));
            case "atLeast" -> Conditions.atLeast((Number) subject, (Number) operands.get(0));
            case "over" -> Conditions.over((Number) subject, (Number) operands.get(0));
            case "between" -> Conditions.between((Number) subject, (Number) operands.get(0), (Number) operands.get(1));
            case "yes" -> Conditions.yes((Boolean) subject);
            case "no" -> Conditions.no((Boolean) subject);
            case "is" -> Conditions.is(subject, operands.get(0));
            case "isNot" -> Conditions.isNot(subject, operands.get(0));
            case "oneOf" -> Conditions.oneOf(subject, (String) operands.get(0));
            case "contains" -> Conditions.contains((java.util.Collection<?>) subject, operands.get(0));
            default -> throw new IllegalStateException("not a condition function: " + t.function());
        };
        return holds ? Outcome.TRUE : Outcome.FALSE;
    }

    /** The profile inputs a term needs and the enterprise lacks (empty when known or when none applies). */
    static List<String> inputsOf(Condition.Term term, Enterprise e) { return inputsOf(term, e, null); }

    static List<String> inputsOf(Condition.Term term, Enterprise e, RuleFunctions fns) {
        if (term instanceof Condition.Fact f) return e.missingInputs(f.name());
        if (term instanceof Condition.FactCall f && Enterprise.LIST_FACTS.contains(f.name())) {
            // a list helper is unknown item by item: it names the item field it lacks (hires[].socialInsurance)
            List<Object> args = new ArrayList<>();
            for (Condition.Term a : f.args()) args.add(safeValue(a, e, fns));
            return e.missingInputs(f.name(), args);
        }
        if (term instanceof Condition.FactCall f) {
            List<String> m = new ArrayList<>(e.missingInputs(f.name()));
            for (Condition.Term a : f.args()) for (String x : inputsOf(a, e, fns)) if (!m.contains(x)) m.add(x);
            // known inputs but no answer: industryIn on a code too coarse to decide ("62" vs "621")
            if (m.isEmpty() && safeValue(term, e, fns) == null) m.add("industryIn".equals(f.name()) ? "industryCode" : f.name());
            return m;
        }
        if (term instanceof Condition.RuleFunction f) {
            List<String> m = new ArrayList<>();
            for (Condition.Term a : f.args()) for (String x : inputsOf(a, e, fns)) if (!m.contains(x)) m.add(x);
            // every argument known, yet the function gives no answer: an item inside a list argument lacks a field
            // the function needed. Name the list's items ("hires[]"), so the measure is NEEDS_INFO, not ELIGIBLE.
            if (m.isEmpty() && fns != null && safeValue(term, e, fns) == null) {
                for (Condition.Term a : f.args()) if (a instanceof Condition.Fact x && e.rawValue(x.name()) instanceof java.util.Collection<?>) m.add(x.name() + "[]");
            }
            return m;
        }
        return List.of();
    }

    private static Object safeValue(Condition.Term term, Enterprise e, RuleFunctions fns) {
        try { return value(term, e, fns); } catch (Opaque o) { return null; }
    }

    /** The value of a term: the fact through its Enterprise accessor, a literal as written; null when unknown. */
    static Object value(Condition.Term term, Enterprise e) { return value(term, e, null); }

    /** As {@link #value(Condition.Term, Enterprise)}; a rule-file function is called when {@code fns} has it. */
    static Object value(Condition.Term term, Enterprise e, RuleFunctions fns) {
        if (term instanceof Condition.Literal l) return l.value();
        if (term instanceof Condition.Fact f) return invoke(getter(f.name()), e);
        if (term instanceof Condition.FactCall f) {
            Method m = method(f.name(), f.args().size());
            Object[] args = new Object[f.args().size()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) args[i] = coerce(value(f.args().get(i), e, fns), types[i]);
            return invoke(m, e, args);
        }
        if (term instanceof Condition.RuleFunction f && fns != null) {
            List<Object> args = new ArrayList<>(f.args().size());
            for (Condition.Term a : f.args()) args.add(value(a, e, fns));
            return fns.call(f.name(), args);
        }
        throw new Opaque();
    }

    private static Object coerce(Object v, Class<?> type) {
        if (v instanceof Number n) {
            if (type == int.class || type == Integer.class) return n.intValue();
            if (type == long.class || type == Long.class) return n.longValue();
        }
        return v;
    }

    private static Object invoke(Method m, Enterprise e, Object... args) {
        try {
            return m.invoke(e, args);
        } catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        } catch (InvocationTargetException ex) {
            throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
        }
    }

    private static final Map<String, Method> GETTERS = new ConcurrentHashMap<>();
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    /** The accessor of a fact: {@code getEmployees()} for {@code employees}. */
    static Method getter(String fact) {
        return GETTERS.computeIfAbsent(fact, f -> {
            try {
                return Enterprise.class.getMethod("get" + Character.toUpperCase(f.charAt(0)) + f.substring(1));
            } catch (NoSuchMethodException ex) {
                throw new IllegalArgumentException("no accessor for fact '" + f + "' on Enterprise", ex);
            }
        });
    }

    /** The Enterprise method of a fact with arguments ({@code industryIn(String)}, {@code hires(HireCategory, int)}). */
    static Method method(String name, int arity) {
        return METHODS.computeIfAbsent(name + "/" + arity, k -> {
            for (Method m : Enterprise.class.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == arity) return m;
            }
            throw new IllegalArgumentException("no fact " + name + " with " + arity + " argument(s) on Enterprise");
        });
    }
}
