package org.mianshen.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Grant;
import org.mianshen.model.Measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches enterprises against the rules with one reused stateful session (ARCHITECTURE §5: a pooled
 * stateful session with many facts per {@code fireAllRules} is the fastest Drools path). Not
 * thread-safe: one per worker thread.
 */
public final class Matcher implements AutoCloseable, Enterprise.GrantSink {
    private final RuleEngine engine;
    private final KieSession session;
    private final List<FactHandle> handles = new ArrayList<>(1024);

    Matcher(RuleEngine engine) {
        this.engine = engine;
        this.session = engine.kieBase().newKieSession();
    }

    /** Fires the rules for every enterprise; each collects its grants in {@link Enterprise#hits}. */
    public void match(List<Enterprise> batch) {
        try {
            for (Enterprise e : batch) {
                e.sink = this;
                handles.add(session.insert(e));
            }
            session.fireAllRules();
        } finally {
            for (FactHandle h : handles) session.delete(h);
            handles.clear();
        }
    }

    public void match(Enterprise e) { match(List.of(e)); }

    @Override
    public Grant grant(Enterprise e, Object drools) {
        RuleContext ctx = drools instanceof RuleContext rc ? rc
                : ((org.drools.model.Drools) drools).getContext(RuleContext.class);
        Measure m = engine.measure(ctx.getRule().getName());
        Grant g = new Grant(m, engine.missingFacts().of(m, e));
        e.hits.add(g);
        return g;
    }

    @Override
    public void close() { session.dispose(); }
}
