package org.mianshen.cli;

import org.mianshen.engine.RuleEngine;
import org.mianshen.engine.RuleSource;
import org.mianshen.engine.RuleTree;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --rules DIR [--with-bundled]}: which rule tree a command uses. */
public final class RuleOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "load this rule tree (.drl files below DIR) instead of the bundled rules")
    Path rulesDir;

    @Option(names = "--with-bundled", description = "with --rules: load the bundled rules as well")
    boolean withBundled;

    /** The rule sources chosen. */
    public List<RuleSource> sources() throws IOException {
        if (rulesDir == null) return RuleSource.bundled();
        List<RuleSource> out = new ArrayList<>();
        if (withBundled) out.addAll(RuleSource.bundled());
        out.addAll(RuleSource.fromDirectory(rulesDir));
        return out;
    }

    public RuleTree parse() throws IOException { return RuleTree.parse(sources()); }

    /**
     * Starts building the bundled engine on a background thread, so that loading the precompiled model
     * and building the KieBase (~300 ms) overlap with reading the input and loading the reference data on
     * the main thread (start-up benchmark: BENCHMARKS.md). {@link #engine()} then waits for it.
     * Does nothing with {@code --rules}: an author's tree is compiled where its errors can be reported.
     */
    public void prefetch() {
        if (rulesDir == null) prefetchBundled();
    }

    private static volatile boolean prefetching;

    /** Starts loading the bundled engine in the background, once per process. */
    static synchronized void prefetchBundled() {
        if (prefetching) return;
        prefetching = true;
        Thread t = new Thread(() -> {
            try {
                RuleEngine.bundled();
                org.mianshen.engine.Explainer.warmUp();
            } catch (Throwable ignored) { /* engine() reports it on the main thread */ }
        }, "mianshen-load-rules");
        t.setDaemon(true);
        t.start();
    }

    /** The compiled engine; the bundled one is shared per process. */
    public RuleEngine engine() throws IOException {
        return rulesDir == null ? RuleEngine.bundled() : RuleEngine.compile(sources());
    }

    /** The compiled engine in its batch form (each rule fires once per chunk: {@link RuleEngine#bundledForBatch()}). */
    public RuleEngine batchEngine() throws IOException {
        return rulesDir == null ? RuleEngine.bundledForBatch() : RuleEngine.compileForBatch(sources());
    }

    /**
     * The batch engine for one run: only the rules that can grant something on {@code asOf} (in force that day, neither
     * SUPPORT nor a draft unless the selection asks for them) are in the network ({@link RuleEngine#bundledForBatch(java.time.LocalDate,
     * org.mianshen.engine.ResultAssembler.Selection)}); a lapsed rule costs nothing.
     */
    public RuleEngine engineForBatch(java.time.LocalDate asOf, org.mianshen.engine.ResultAssembler.Selection selection) throws IOException {
        return rulesDir == null ? RuleEngine.bundledForBatch(asOf, selection) : RuleEngine.compileForBatch(sources(), asOf, selection);
    }

    public Path rulesDir() { return rulesDir; }
}
