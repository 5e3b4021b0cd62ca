package org.mianshen.model;

import org.junit.jupiter.api.Test;
import org.mianshen.engine.Condition;
import org.mianshen.engine.ConditionParser;
import org.mianshen.engine.RuleEngine;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fact vocabulary is one table: every fact a rule names resolves in it, with a label, a value and its inputs. */
class FactTableTest {
    @Test
    void everyFactTheBundledRulesNameResolves() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Measure m : RuleEngine.bundled().catalogue()) {
            for (String c : m.conditions()) collect(ConditionParser.parse(c), named);
        }
        assertThat(named).hasSizeGreaterThan(30);
        Profile nothing = new Profile();
        nothing.uscc = "91530102MA6K00006F";
        Enterprise empty = new org.mianshen.engine.Deriver(java.time.LocalDate.of(2022, 6, 30), org.mianshen.reference.RiskAreas.none()).derive(nothing);
        List<String> problems = new ArrayList<>();
        for (String name : named) {
            FactTable.Entry e;
            try { e = FactTable.of(name); } catch (IllegalArgumentException ex) { problems.add(name + ": not in the table"); continue; }
            if (e.label() == null || e.label().equals(name) || e.label().codePoints().noneMatch(cp -> cp >= 0x4E00))
                problems.add(name + ": no Chinese label");
            // unknown everything: the inputs that would decide it are named, never nothing
            if (e.inputs().apply(empty).isEmpty() && e.value().apply(empty) == null)
                problems.add(name + ": unknown, but names no missing input");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFactOfTheTableCanBeReadByTheRules() {
        List<String> missing = new ArrayList<>();
        for (String name : FactTable.names()) {
            String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            boolean found = Arrays.stream(Enterprise.class.getMethods()).anyMatch(m -> !Modifier.isStatic(m.getModifiers())
                    && (m.getName().equals(getter) && m.getParameterCount() == 0 || m.getName().equals(name) && m.getParameterCount() > 0));
            if (!found) missing.add(name);
        }
        assertThat(missing).as("facts with no accessor on Enterprise (a rule could not read them)").isEmpty();
    }

    @Test
    void anUnknownNameIsAnErrorNotASilentYes() {
        assertThatThrownBy(() -> new Enterprise(new Profile()).missingInputs("employes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("employes");
    }

    private static void collect(Condition c, Set<String> out) {
        for (Condition.Term t : Condition.terms(c)) {
            if (t instanceof Condition.Fact f) out.add(f.name());
            else if (t instanceof Condition.FactCall f) out.add(f.name());
        }
    }
}
