package org.mianshen.engine;

import org.kie.api.runtime.KieSession;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.rule.RuleContext;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Grant;
import org.mianshen.model.Measure;

import java.util.List;

/**
 * Matches enterprises against the rules with one reused stateful session (ARCHITECTURE §5: a pooled
 * stateful session with many facts per {@code fireAllRules} is the fastest Drools path). Not
 * thread-safe: one per worker thread.
 */
public final class Matcher implements AutoCloseable, Enterprise.GrantSink {
    private final RuleEngine engine;
    private final KieSession session;
    private org.kie.api.definition.rule.Rule lastRule;
    private RuleEngine.Slot lastSlot;

    Matcher(RuleEngine engine) {
        this.engine = engine;
        this.session = engine.kieBase().newKieSession();
    }

    /** Fires the rules for every enterprise; each collects its grants in {@link Enterprise#hits}. */
    public void match(List<Enterprise> batch) {
        try {
            for (Enterprise e : batch) {
                e.sink = this;
                session.insert(e);
            }
            session.fireAllRules();
        } finally {
            // Empty the session for the next chunk. reset() is what Drools' own session pool does on
            // dispose; deleting each fact instead cancels every fired activation one by one, which
            // profiled at ~7% of a batch run (BENCHMARKS.md).
            ((StatefulKnowledgeSessionImpl) session).reset();
        }
    }

    public void match(Enterprise e) { match(List.of(e)); }

    @Override
    public Grant grant(Enterprise e, Object drools) {
        RuleContext ctx = drools instanceof RuleContext rc ? rc
                : ((org.drools.model.Drools) drools).getContext(RuleContext.class);
        // A rule fires once per chunk for all its enterprises (RuleTree.collectPerChunk): consecutive
        // grants come from the same rule, so its slot is looked up once per firing, not per enterprise.
        org.kie.api.definition.rule.Rule rule = ctx.getRule();
        if (rule != lastRule) { lastSlot = engine.slot(rule.getName()); lastRule = rule; }
        RuleEngine.Slot slot = lastSlot;
        Measure m = slot.measure();
        Grant g = new Grant(m, engine.missingFacts().of(m, slot.position(), e), slot.familyIndex(), slot.position());
        e.hits.add(g);
        return g;
    }

    @Override
    public void close() { session.dispose(); }
}
