package org.mianshen.cli;

import org.mianshen.engine.CaseRunner;
import org.mianshen.engine.RuleEngine;
import org.mianshen.engine.RuleLinter;
import org.mianshen.engine.RuleProblem;
import org.mianshen.engine.RuleSource;
import org.mianshen.engine.RuleTree;
import org.mianshen.engine.RuleTreeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Compiles the rule tree and lints its metadata and cases; prints every problem as file:line:column: message.", ""},
        footer = {"", "Checks: DRL syntax and type errors; required metadata; unique ids; ids in the catalogue (--catalogue);",
                "validFrom ≤ validTo; @jurisdiction a real GB/T 2260 prefix; @source seed lines exist and contain the quoted",
                "sentence (--seeds); at least one case expecting each rule to fire and one expecting it not to.",
                "", "Examples:", "  mianshen check",
                "  mianshen check --rules my-rules/ --catalogue ../shared/policy/measures.jsonl --seeds ../shared/seeds",
                "Exit 0 when clean, 1 when anything is wrong, 2 for bad input (e.g. --rules names no directory).",
                "Also flags calls outside the fact model (I/O, network, processes, System, reflection, threads): a .drl runs as code.",
                "Warnings (not counted) flag a rule-file function given a whole list fact: use countHires/countLoans/… instead."})
public final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RuleOptions rules;

    @Option(names = "--catalogue", paramLabel = "FILE", description = "measures.jsonl: the ids of the measures of the texts it covers must be in it; with --rules it applies to that tree only (the bundled rules use ../shared/policy/measures.jsonl when present)")
    Path catalogue;

    @Option(names = "--seeds", paramLabel = "DIR", description = "folder of the policy texts @source points into, besides the tree's own texts/ folder; with --rules it applies to that tree only (the bundled rules use rules/texts)")
    Path seeds;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        // Each tree is checked against its own texts and catalogue: the bundled tree against rules/texts and the
        // team's catalogue when present; an author's tree against DIR/texts, what --seeds names, and the catalogue
        // only when --catalogue names one (a new local measure has an id of its own).
        Path sharedCatalogue = Files.exists(Path.of("../shared/policy/measures.jsonl")) ? Path.of("../shared/policy/measures.jsonl") : null;
        Path sharedSeeds = Files.isDirectory(Path.of("../shared/seeds")) ? Path.of("../shared/seeds") : null;
        boolean authorTree = rules.rulesDir() != null;
        Path bundledCatalogue = authorTree ? sharedCatalogue : (catalogue != null ? catalogue : sharedCatalogue);
        Path bundledSeeds = authorTree ? sharedSeeds : (seeds != null ? seeds : sharedSeeds);
        List<RuleSource> sources = rules.sources();
        RuleTree tree = RuleTree.parse(sources);
        List<RuleProblem> problems = new ArrayList<>(tree.problems());
        if (problems.isEmpty()) {
            try {
                RuleEngine.compile(tree, sources);
            } catch (RuleTreeException e) {
                problems.addAll(e.problems());
            }
        }
        // a .drl runs as code: flag what a relief measure never needs (I/O, processes, System, reflection, threads)
        for (RuleSource s : sources) problems.addAll(org.mianshen.engine.TrustLint.check(s));
        List<CaseRunner.CaseFile> cases = new ArrayList<>();
        if (rules.rulesDir() == null || rules.withBundled) cases.addAll(CaseRunner.bundled());
        if (rules.rulesDir() != null) cases.addAll(CaseRunner.fromPath(rules.rulesDir()));
        problems.addAll(RuleLinter.perTree(seeds, catalogue, bundledSeeds, bundledCatalogue).lint(sources, tree.measures(), cases));
        for (RuleProblem p : problems) out.println(p);
        List<RuleProblem> warnings = RuleLinter.warnings(tree.measures());
        for (RuleProblem w : warnings) out.println(w.file() + ":" + w.line() + ":" + w.column() + ": warning: " + w.message());
        out.println(tree.measures().size() + " rules in " + sources.size() + " files, " + problems.size() + " problem(s)"
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)"));
        out.flush();
        return problems.isEmpty() ? Main.OK : 1;
    }
}
