package org.mianshen.engine;

import org.mianshen.model.Enterprise;
import org.mianshen.model.Measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Names the profile inputs a fired rule needed but the enterprise lacks (→ NEEDS_INFO).
 *
 * <p>A rule's conditions are unknown-permissive, so every unknown fact a condition references is
 * missing — except in a disjunction ({@code a || b}) that a known fact already satisfies: an
 * individual business qualifies through its kind even when its size is unknown. Such conditions are
 * re-evaluated branch by branch, only when they reference an unknown fact (rare, off the hot path).
 */
final class MissingFacts {
    /** One top-level condition: its references and, if it is a disjunction, its branches. */
    private record Condition(List<String> references, List<Branch> branches) {}

    /** A branch of a disjunction with the facts it references (parsed once, not per enterprise). */
    private record Branch(String expression, List<String> references) {}

    private final AtomicReferenceArray<List<Condition>> byPosition;

    /** @param measures the size of the engine's catalogue (grants name their measure by catalogue position) */
    MissingFacts(int measures) { this.byPosition = new AtomicReferenceArray<>(measures); }

    /** The inputs the measure at catalogue {@code position} needs and the enterprise lacks (empty = ELIGIBLE). */
    List<String> of(Measure m, int position, Enterprise e) {
        List<Condition> conditions = byPosition.get(position);
        if (conditions == null) byPosition.set(position, conditions = parse(m));
        return compute(conditions, e);
    }

    private static List<String> compute(List<Condition> conditions, Enterprise e) {
        List<String> missing = List.of();
        for (Condition c : conditions) {
            // most conditions of most grants reference only known facts: check before allocating anything
            boolean unknown = false;
            for (String ref : c.references()) if (!e.missingInputs(ref).isEmpty()) { unknown = true; break; }
            if (!unknown) continue;
            if (c.branches() != null && someBranchKnownTrue(c.branches(), e)) continue;
            if (missing.isEmpty()) missing = new ArrayList<>(4);
            for (String ref : c.references()) for (String n : e.missingInputs(ref)) if (!missing.contains(n)) missing.add(n);
        }
        return missing;
    }

    private static boolean someBranchKnownTrue(List<Branch> branches, Enterprise e) {
        for (Branch b : branches) {
            boolean known = true;
            for (String ref : b.references()) if (!e.missingInputs(ref).isEmpty()) { known = false; break; }
            if (known && Explainer.holds(b.expression(), e)) return true;
        }
        return false;
    }

    private static List<Condition> parse(Measure m) {
        List<Condition> out = new ArrayList<>(m.conditions().size());
        for (String c : m.conditions()) {
            List<String> branches = disjuncts(c);
            out.add(new Condition(RuleTree.references(c), branches.size() > 1
                    ? branches.stream().map(b -> new Branch(b, RuleTree.references(b))).toList() : null));
        }
        return List.copyOf(out);
    }

    /** Top-level "||" branches of a condition, outer parentheses removed. */
    static List<String> disjuncts(String condition) {
        String s = condition.trim();
        while (s.startsWith("(") && closingParen(s, 0) == s.length() - 1) s = s.substring(1, s.length() - 1).trim();
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        boolean str = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' && (i == 0 || s.charAt(i - 1) != '\\')) str = !str;
            else if (str) continue;
            else if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (depth == 0 && ch == '|' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                out.add(s.substring(start, i).trim());
                start = i + 2;
                i++;
            }
        }
        out.add(s.substring(start).trim());
        return out;
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        boolean str = false;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' && (i == 0 || s.charAt(i - 1) != '\\')) str = !str;
            else if (str) continue;
            else if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0) return i;
        }
        return -1;
    }
}
