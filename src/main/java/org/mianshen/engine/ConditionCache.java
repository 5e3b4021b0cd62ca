package org.mianshen.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed tree of each condition text, shared by every rule tree of the process: a few hundred distinct
 * conditions, parsed once ({@link RuleTree} fills it; a catalogue read from the precompiled manifest fills
 * it on first use).
 */
final class ConditionCache {
    private ConditionCache() {}

    private static final Map<String, Condition> TREES = new ConcurrentHashMap<>();

    static void put(String text, Condition tree) { TREES.putIfAbsent(text, tree); }

    /** The tree of a condition that {@link RuleTree} accepted. */
    static Condition of(String text) {
        Condition c = TREES.get(text);
        if (c != null) return c;
        try {
            c = ConditionParser.parse(text);
        } catch (ConditionParser.ParseException e) {
            throw new IllegalStateException("condition outside the vocabulary (run `mianshen check`): " + e.getMessage(), e);
        }
        TREES.put(text, c);
        return c;
    }
}
