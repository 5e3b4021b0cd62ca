package org.mianshen.engine;

import org.drools.core.common.BaseNode;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The size of a compiled network (the benchmark's "nodes in the network"): nodes by kind, and for the Enterprise
 * type the alpha nodes (one per distinct constraint on a path; Drools shares a node between rules only when the
 * constraints before it are the same) and how many alpha nodes hang directly off its type node.
 */
public record NetworkStats(int rules, Map<String, Integer> nodesByKind, int enterpriseAlphaNodes, int enterpriseRootAlphaNodes) {

    public static NetworkStats of(RuleEngine engine) {
        InternalRuleBase kb = (InternalRuleBase) engine.kieBase();
        Map<String, Integer> kinds = new TreeMap<>();
        Map<BaseNode, Boolean> seen = new IdentityHashMap<>();
        int alpha = 0, root = 0;
        for (ObjectTypeNode otn : kb.getRete().getObjectTypeNodes()) {
            boolean enterprise = otn.getObjectType().getClassName().equals(org.mianshen.model.Enterprise.class.getName());
            int[] counts = new int[1];
            walk(otn, kinds, seen, enterprise ? counts : null);
            if (enterprise) {
                alpha += counts[0];
                for (ObjectSink s : otn.getObjectSinkPropagator().getSinks()) if (s instanceof AlphaNode) root++;
            }
        }
        int rules = kb.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new NetworkStats(rules, kinds, alpha, root);
    }

    private static void walk(BaseNode n, Map<String, Integer> kinds, Map<BaseNode, Boolean> seen, int[] alpha) {
        if (seen.put(n, Boolean.TRUE) != null) return;
        kinds.merge(n.getClass().getSimpleName(), 1, Integer::sum);
        if (n instanceof AlphaNode && alpha != null) alpha[0]++;
        if (n instanceof ObjectSource os) for (ObjectSink s : os.getObjectSinkPropagator().getSinks()) walk((BaseNode) s, kinds, seen, alpha);
        if (n instanceof LeftTupleSource ls) for (LeftTupleSink s : ls.getSinkPropagator().getSinks()) walk((BaseNode) s, kinds, seen, null);
    }

    /** One line for the benchmark. */
    @Override public String toString() {
        int total = nodesByKind.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(java.util.Locale.ROOT, "%d rules, %d nodes (%d alpha nodes on Enterprise, %d at its root); %s", rules, total,
                enterpriseAlphaNodes, enterpriseRootAlphaNodes, nodesByKind);
    }
}
