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

    /** The compiled engine; the bundled one is shared per process. */
    public RuleEngine engine() throws IOException {
        return rulesDir == null ? RuleEngine.bundled() : RuleEngine.compile(sources());
    }

    public Path rulesDir() { return rulesDir; }
}
