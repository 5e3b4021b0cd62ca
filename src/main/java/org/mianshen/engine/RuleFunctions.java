package org.mianshen.engine;

import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.mianshen.model.Measure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions written in a rule file ({@code function Integer sum3(…)}), as compiled into the rule base, so that
 * reasons, NEEDS_INFO and {@code --explain} evaluate exactly the code the rule ran, not a re-reading of it.
 *
 * <p>Drools compiles a DRL function to a static method: through runtime DRL into a class of the rule package named
 * after the function ({@code org.mianshen.rules.Sum3.sum3}), loaded by the rule base's class loader; in the
 * executable model into the generated model class ({@code org.mianshen.rules.Rules<hash>.sum3}). Both are looked up
 * here by name and number of arguments.
 */
public final class RuleFunctions {
    private final KieBase kieBase;
    private final List<Class<?>> modelClasses;
    private final Map<String, Optional<Method>> methods = new ConcurrentHashMap<>();

    RuleFunctions(KieBase kieBase, List<Class<?>> modelClasses) {
        this.kieBase = kieBase;
        this.modelClasses = modelClasses;
    }

    /**
     * The functions of the rule base each measure was compiled into (registered by {@link RuleEngine}), by measure id
     * and file: every compilation of the same tree has the same functions, so the latest one serves them all. (Keyed
     * by the Measure record in a WeakHashMap, an entry vanished when the engine whose equal Measure was the key was
     * collected while another engine of the same tree still lived: reasons then lost the function's value.)
     * Holds at most one rule base per measure.
     */
    private static final Map<String, RuleFunctions> BY_MEASURE = new ConcurrentHashMap<>();

    private static String key(Measure m) { return m.id() + "\u0000" + m.file(); }

    static void register(List<Measure> measures, RuleFunctions functions) {
        for (Measure m : measures) if (!m.functionLabels().isEmpty()) BY_MEASURE.put(key(m), functions);
    }

    /** The functions a measure's conditions may call; null when they call none (or it was never compiled). */
    static RuleFunctions of(Measure m) {
        return m == null || m.functionLabels().isEmpty() ? null : BY_MEASURE.get(key(m));
    }

    /** The compiled function, or null when the rule base has none of that name and arity. */
    Method find(String name, int arity) {
        return methods.computeIfAbsent(name + "/" + arity, k -> Optional.ofNullable(lookup(name, arity))).orElse(null);
    }

    private Method lookup(String name, int arity) {
        for (Class<?> c : modelClasses) {
            Method m = staticMethod(c, name, arity);
            if (m != null) return m;
        }
        if (kieBase instanceof InternalRuleBase rb) {
            String cls = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (KiePackage p : kieBase.getKiePackages()) {
                try {
                    Method m = staticMethod(rb.getRootClassLoader().loadClass(p.getName() + "." + cls), name, arity);
                    if (m != null) return m;
                } catch (ClassNotFoundException | LinkageError ignored) {
                    // not in this package
                }
            }
        }
        return null;
    }

    private static Method staticMethod(Class<?> c, String name, int arity) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers())) return m;
        }
        return null;
    }

    /**
     * Calls the function on argument values (numbers converted to its parameter types).
     *
     * @throws ConditionEvaluator.Opaque when it cannot be called: not found, or an unknown (null) value for a primitive
     *                                   parameter, or it failed
     */
    Object call(String name, List<Object> args) {
        Method m = find(name, args.size());
        if (m == null) throw new ConditionEvaluator.Opaque();
        Class<?>[] types = m.getParameterTypes();
        Object[] a = new Object[args.size()];
        for (int i = 0; i < a.length; i++) {
            Object v = convert(args.get(i), types[i]);
            if (v == null && types[i].isPrimitive()) throw new ConditionEvaluator.Opaque();
            a[i] = v;
        }
        try {
            return m.invoke(null, a);
        } catch (IllegalAccessException | IllegalArgumentException | InvocationTargetException e) {
            throw new ConditionEvaluator.Opaque();
        }
    }

    private static Object convert(Object v, Class<?> t) {
        if (!(v instanceof Number n)) return v;
        if (t == int.class || t == Integer.class) return n.intValue();
        if (t == long.class || t == Long.class) return n.longValue();
        if (t == double.class || t == Double.class) return n.doubleValue();
        if (t == BigDecimal.class && !(v instanceof BigDecimal)) return new BigDecimal(n.toString());
        return v;
    }
}
