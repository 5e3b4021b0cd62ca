package org.mianshen.engine;

import org.mianshen.model.Enterprise;
import org.mianshen.model.Measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Names the profile inputs a fired rule needed but the enterprise lacks (→ NEEDS_INFO).
 *
 * <p>A rule's conditions are unknown-permissive, so a rule fires when its known facts qualify. Each condition
 * that references an unknown fact is evaluated in three values on its {@link Condition} tree: a disjunction
 * that a known fact already satisfies (an individual business qualifies through its kind even when its size is
 * unknown) needs nothing; otherwise the inputs that would decide it are missing. Conditions whose facts are
 * all known (most of them) are not evaluated at all.
 */
final class MissingFacts {
    /** One top-level condition: its tree and the fact identifiers it references (the cheap pre-check). */
    private record Parsed(Condition tree, List<String> references, boolean callsFunction) {}

    private final AtomicReferenceArray<List<Parsed>> byPosition;

    /** @param measures the size of the engine's catalogue (grants name their measure by catalogue position) */
    MissingFacts(int measures) { this.byPosition = new AtomicReferenceArray<>(measures); }

    /** The inputs the measure at catalogue {@code position} needs and the enterprise lacks (empty = ELIGIBLE). */
    List<String> of(Measure m, int position, Enterprise e) {
        List<Parsed> conditions = byPosition.get(position);
        if (conditions == null) byPosition.set(position, conditions = parse(m));
        List<String> missing = List.of();
        for (Parsed c : conditions) {
            boolean unknown = false;
            for (String ref : c.references()) if (!e.missingInputs(ref).isEmpty()) { unknown = true; break; }
            // industryIn is also undecided on a code coarser than the prefixes it tests ("62" vs "621")
            // a rule-file function can be unknown on known arguments (an item of a list argument lacking a field)
            if (!unknown && !(coarseIndustry(e) && c.references().contains("industryIn")) && !listFact(c) && !c.callsFunction()) continue;
            ConditionEvaluator.Outcome o = ConditionEvaluator.evaluate(c.tree(), e, RuleFunctions.of(m));
            if (!o.unknown()) continue;
            if (missing.isEmpty()) missing = new ArrayList<>(4);
            for (String n : o.missing()) if (!missing.contains(n)) missing.add(n);
        }
        return missing;
    }

    /** A list helper (countHires, …) can be unknown on a known list, through an item's field: always evaluated. */
    private static boolean listFact(Parsed c) {
        for (String ref : c.references()) if (Enterprise.LIST_FACTS.contains(ref)) return true;
        return false;
    }

    private static boolean coarseIndustry(Enterprise e) {
        String code = e.getIndustryCode();
        return code != null && code.length() < 4;
    }

    private static List<Parsed> parse(Measure m) {
        List<Parsed> out = new ArrayList<>(m.conditions().size());
        for (String c : m.conditions()) out.add(new Parsed(ConditionCache.of(c), RuleTree.references(c), !RuleTree.ruleFunctions(ConditionCache.of(c)).isEmpty()));
        return List.copyOf(out);
    }
}
