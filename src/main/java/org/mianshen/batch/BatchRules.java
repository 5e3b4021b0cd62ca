package org.mianshen.batch;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.mianshen.engine.RulePrecompiler;
import org.mianshen.engine.RuleSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule sources of a batch run, for what the compiled network does not keep: their fingerprint (a resumed
 * run must use the same rules) and each rule's constant detail (the registry contract writes it once, in the
 * measures file, instead of on every line).
 */
public final class BatchRules {
    private final List<RuleSource> sources;
    private volatile String fingerprint;
    private volatile Map<String, String> constantDetails;

    public BatchRules(List<RuleSource> sources) { this.sources = sources; }

    /** The bundled rule tree (one per process: its analysis costs a parse of every rule file). */
    public static BatchRules bundled() { return Bundled.RULES; }

    private static final class Bundled {
        static final BatchRules RULES = new BatchRules(RuleSource.bundled());
    }

    /**
     * Starts the analysis on a background thread, so that parsing the rule files (~0.5–2 s on a busy machine) overlaps
     * with building the network; {@link #constantDetails()} then waits for it.
     */
    public BatchRules prefetch() {
        Thread t = new Thread(() -> { try { constantDetails(); fingerprint(); } catch (RuntimeException ignored) { } }, "mianshen-rule-details");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** SHA-256 over the rule files' paths and texts (the precompiled model's fingerprint). */
    public String fingerprint() {
        if (fingerprint == null) fingerprint = RulePrecompiler.fingerprint(sources);
        return fingerprint;
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CONDITIONAL = Pattern.compile("\\bif\\b|\\?|\\bswitch\\b|\\bfor\\b|\\bwhile\\b");
    private static final Pattern LITERAL_DETAIL = Pattern.compile("\\.detail\\(\\s*\"([^\"\\\\]*)\"\\s*\\)");

    /**
     * Measure id → the detail its rule always writes, for rules whose consequence calls {@code .detail("…")} exactly
     * once with a plain string literal and branches nowhere. A rule that computes its detail (amounts, risk areas,
     * size) has none here: its detail goes on each line. The writer also puts a detail on the line whenever a grant's
     * differs from this value, so the analysis only decides the output's size, never its content.
     */
    public synchronized Map<String, String> constantDetails() {
        if (constantDetails != null) return constantDetails;
        Map<String, String> out = new HashMap<>();
        for (RuleSource s : sources) {
            PackageDescr pkg;
            try {
                DrlParser parser = new DrlParser();
                pkg = parser.parse(false, s.text());
                if (pkg == null || parser.hasErrors()) continue;
            } catch (Exception e) {
                continue;       // the engine reports a tree that does not parse; here it only means "no constants"
            }
            for (RuleDescr r : pkg.getRules()) {
                Object c = r.getConsequence();
                if (c == null) continue;
                String text = c.toString();
                String code = STRING.matcher(text).replaceAll("\"\"");
                if (CONDITIONAL.matcher(code).find()) continue;
                int calls = code.split("\\.detail\\(", -1).length - 1;
                if (calls != 1) continue;
                Matcher m = LITERAL_DETAIL.matcher(text);
                if (m.find()) out.put(r.getName(), m.group(1));
            }
        }
        return constantDetails = Map.copyOf(out);
    }
}
