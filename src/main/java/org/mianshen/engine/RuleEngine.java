package org.mianshen.engine;

import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.mianshen.model.Measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled rule base: one KieBase per process, shared by every thread (it is thread-safe);
 * each worker gets its own {@link Matcher}. Compilation goes through runtime DRL (drools-mvel), so an
 * author's {@code --rules DIR} tree and the bundled tree take the same path.
 */
public final class RuleEngine {
    private final KieBase kieBase;
    private final List<Measure> catalogue;

    private final String origin;

    private RuleEngine(KieBase kieBase, List<Measure> catalogue, String origin) { this(kieBase, catalogue, origin, List.of()); }

    private RuleEngine(KieBase kieBase, List<Measure> catalogue, String origin, List<Class<?>> modelClasses) {
        this.origin = origin;
        // the rule-file functions as compiled, for reasons, NEEDS_INFO and --explain (RuleFunctions)
        RuleFunctions.register(catalogue, new RuleFunctions(kieBase, modelClasses));
        this.kieBase = kieBase;
        this.catalogue = catalogue;
        this.missingFacts = new MissingFacts(catalogue.size());
        // ResultAssembler packs family index, catalogue position and a grant's index (≤ one per measure) into
        // 16 bits each of its sort keys
        if (catalogue.size() >= 1 << 16) throw new IllegalArgumentException("more than 65535 measures in one rule tree");
        Map<String, Integer> families = new HashMap<>();
        for (int i = 0; i < catalogue.size(); i++) {
            Measure m = catalogue.get(i);
            int family = families.computeIfAbsent(m.family() == null ? m.id() : m.family(), k -> families.size());
            slots.put(m.id(), new Slot(m, family, i));
        }
    }

    /**
     * The bundled rule tree, built once per process on first use: from the executable model precompiled
     * at build time when it matches the bundled sources (fast start), else compiled from DRL.
     */
    public static RuleEngine bundled() { return Bundled.ENGINE; }

    /**
     * The bundled rule tree in its batch form: each rule fires once per chunk for all the enterprises it
     * matched ({@code RuleTree.collectPerChunk}); the same grants, fewer Drools activations.
     */
    public static RuleEngine bundledForBatch() { return BundledForBatch.ENGINE; }

    private static final class Bundled {
        static final RuleEngine ENGINE = loadBundled(false);
    }

    private static final class BundledForBatch {
        static final RuleEngine ENGINE = loadBundled(true);
    }

    /**
     * The bundled tree in its batch form with only the rules that can grant something on {@code asOf}: in force
     * that day, and neither SUPPORT nor a draft unless the selection asks for them. A lapsed or SUPPORT rule is not
     * in the network at all, so it costs nothing; the catalogue stays whole (explanations, measure lookups).
     * Built per run (not cached): a batch run builds it once.
     */
    public static RuleEngine bundledForBatch(java.time.LocalDate asOf, ResultAssembler.Selection selection) {
        return loadBundled(true, new RuleFilter(asOf, selection));
    }

    /** Which rules a network built for one date and selection keeps (null filter: all). */
    record RuleFilter(java.time.LocalDate asOf, ResultAssembler.Selection selection) {
        boolean keeps(Measure m) {
            if (m == null) return true;
            if (m.isSupport() && !selection.support()) return false;
            if (m.isDraft() && !selection.drafts()) return false;
            return m.inForce(asOf);
        }
    }

    private static RuleEngine loadBundled(boolean forBatch) { return loadBundled(forBatch, null); }

    private static RuleEngine loadBundled(boolean forBatch, RuleFilter filter) {
        if (!"false".equals(System.getProperty("mianshen.precompiled"))) {
            try {
                RulePrecompiler.Manifest index = RulePrecompiler.index();
                if (index != null) {
                    // On another thread: read the rule sources, check they are the ones the model was built
                    // from, and read the catalogue (JSON). This thread meanwhile loads the model and builds the
                    // KieBase, so start-up is the longer of the two, not their sum (bench/startup.sh).
                    // Inside the jar the model, its index and the rule sources come from one build, so the
                    // sources are not re-read and hashed there (~20 ms of start-up); on a class directory
                    // (tests, IDE) resources can be re-copied without re-running the precompile step.
                    boolean fromJar = "jar".equals(RulePrecompiler.class.getClassLoader()
                            .getResource(RulePrecompiler.INDEX).getProtocol());
                    var checkedCatalogue = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            if (!fromJar && !index.fingerprint().equals(RulePrecompiler.fingerprint(RuleSource.bundled()))) return null;
                            RulePrecompiler.Manifest full = RulePrecompiler.manifest();
                            return full != null && index.fingerprint().equals(full.fingerprint()) ? full : null;
                        } catch (IOException | RuntimeException e) {
                            return null;
                        }
                    });
                    List<org.drools.model.Model> models = new ArrayList<>();
                    java.util.Map<String, Measure> byId = null;
                    if (filter != null) {
                        RulePrecompiler.Manifest full = checkedCatalogue.join();
                        if (full == null) throw new IOException("precompiled model does not match the rule sources");
                        byId = new HashMap<>();
                        for (Measure m : full.catalogue()) byId.put(m.id(), m);
                    }
                    List<Class<?>> modelClasses = new ArrayList<>();
                    for (String cls : forBatch ? index.batchModelClasses() : index.modelClasses()) {
                        Class<?> c = Class.forName(cls);
                        modelClasses.add(c);
                        org.drools.model.Model model = (org.drools.model.Model) c.getDeclaredConstructor().newInstance();
                        models.add(filter == null ? model : new FilteredModel(model, byId, filter));
                    }
                    KieBase kieBase = org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models);
                    RulePrecompiler.Manifest full = checkedCatalogue.join();
                    if (full != null) return new RuleEngine(kieBase, full.catalogue(),
                            "executable model (precompiled" + (forBatch ? ", batch form)" : ")"), modelClasses);
                }
            } catch (IOException | ReflectiveOperationException e) {
                // fall through to compiling the DRL: slower to start, same rules
            }
        }
        // the sources changed since the build, or no precompiled model
        List<RuleSource> sources = RuleSource.bundled();
        return compile(RuleTree.parse(sources, forBatch), sources, filter);
    }

    /** An executable-model package with only the rules a {@link RuleFilter} keeps. */
    private record FilteredModel(org.drools.model.Model model, java.util.Map<String, Measure> byId, RuleFilter filter)
            implements org.drools.model.Model {
        @Override public String getName() { return model.getName(); }
        @Override public String getPackageName() { return model.getPackageName(); }
        @Override public List<org.drools.model.Global> getGlobals() { return model.getGlobals(); }
        @Override public List<org.drools.model.Rule> getRules() {
            return model.getRules().stream().filter(r -> filter.keeps(byId.get(r.getName()))).toList();
        }
        @Override public List<org.drools.model.Query> getQueries() { return model.getQueries(); }
        @Override public List<org.drools.model.TypeMetaData> getTypeMetaDatas() { return model.getTypeMetaDatas(); }
        @Override public List<org.drools.model.EntryPoint> getEntryPoints() { return model.getEntryPoints(); }
    }

    /** An author's tree in the batch form with only the rules that can grant something on the date (see {@link #bundledForBatch(java.time.LocalDate, ResultAssembler.Selection)}). */
    public static RuleEngine compileForBatch(List<RuleSource> sources, java.time.LocalDate asOf, ResultAssembler.Selection selection) {
        return compile(RuleTree.parse(sources, true), sources, new RuleFilter(asOf, selection));
    }

    /** How the KieBase was built: "runtime DRL" or "executable model (precompiled)". */
    public String origin() { return origin; }

    public static RuleEngine compile(List<RuleSource> sources) {
        return compile(RuleTree.parse(sources), sources);
    }

    /** As {@link #compile(List)}, in the batch form (see {@link #bundledForBatch()}). */
    public static RuleEngine compileForBatch(List<RuleSource> sources) {
        return compile(RuleTree.parse(sources, true), sources);
    }

    /** Compiles a parsed tree; any problem (parse, metadata, type) fails the whole tree. */
    public static RuleEngine compile(RuleTree tree, List<RuleSource> sources) { return compile(tree, sources, null); }

    private static RuleEngine compile(RuleTree tree, List<RuleSource> sources, RuleFilter filter) {
        List<RuleProblem> problems = new ArrayList<>(tree.problems());
        if (!problems.isEmpty()) throw new RuleTreeException(problems);
        KnowledgeBuilderImpl builder = new KnowledgeBuilderImpl();
        List<PackageDescr> packages = tree.packages();
        for (int i = 0; i < packages.size(); i++) {
            PackageDescr pkg = packages.get(i);
            Resource r = ResourceFactory.newByteArrayResource(sources.get(i).text().getBytes(StandardCharsets.UTF_8));
            r.setSourcePath(sources.get(i).path());
            pkg.setResource(r);
            pkg.getRules().forEach(rule -> rule.setResource(r));
            if (filter != null) {
                java.util.Map<String, Measure> byId = new HashMap<>();
                for (Measure m : tree.measures()) byId.put(m.id(), m);
                pkg.getRules().removeIf(rule -> !filter.keeps(byId.get(rule.getName())));
            }
            builder.addPackage(pkg);
        }
        for (KnowledgeBuilderResult res : builder.getResults(ResultSeverity.ERROR)) {
            problems.add(locate(res));
        }
        if (!problems.isEmpty()) throw new RuleTreeException(problems);
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
        kbase.addPackages(builder.getKnowledgePackages());
        return new RuleEngine(kbase, tree.measures(), "runtime DRL");
    }

    private static RuleProblem locate(KnowledgeBuilderResult res) {
        String file = res.getResource() != null && res.getResource().getSourcePath() != null
                ? res.getResource().getSourcePath() : "?";
        int[] lines = res.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        String msg = res.getMessage().replace('\n', ' ').trim();
        int col = 1;
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]").matcher(msg);
        if (at.find()) col = Integer.parseInt(at.group(2));
        msg = msg.replaceAll("\\[Near : \\{.*?\\}\\]\\s*\\^?", "").replaceAll("\\[Line: \\d+, Column: \\d+\\]", "")
                .replace("[Error: ", "").replaceAll("\\s+", " ").replaceAll("[\\]\\s]+$", "").trim();
        if (msg.contains("unable to resolve method")) msg += " — not a fact of Enterprise (see docs/rule-authoring.md §3)";
        return new RuleProblem(file, line, col, msg);
    }

    public List<Measure> catalogue() { return catalogue; }

    private final MissingFacts missingFacts;

    MissingFacts missingFacts() { return missingFacts; }

    public Measure measure(String id) {
        Slot s = slots.get(id);
        return s == null ? null : s.measure();
    }

    /** A rule's measure with its family's index and its position in the catalogue (what the result is ordered by). */
    record Slot(Measure measure, int familyIndex, int position) {}

    private final Map<String, Slot> slots = new HashMap<>();

    /** One lookup per firing: the consequence needs all three. */
    Slot slot(String id) { return slots.get(id); }

    KieBase kieBase() { return kieBase; }

    /** A matcher for one thread. Close it to dispose its session. */
    public Matcher newMatcher() { return new Matcher(this); }
}
