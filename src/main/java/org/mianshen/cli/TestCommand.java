package org.mianshen.cli;

import org.mianshen.engine.CaseRunner;
import org.mianshen.engine.RuleEngine;
import org.mianshen.engine.RuleTreeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Runs the .cases.yaml files beside the rules and reports every failing case.", ""},
        footer = {"", "Examples:",
                "  mianshen test                                   # all bundled cases",
                "  mianshen test --rules my-rules/                  # an author's tree and its cases",
                "  mianshen test --rules my-rules/ my-rules/x.cases.yaml",
                "Ends with the line `N passed, M failed`; exit 1 when any case fails."})
public final class TestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "cases files or directories (default: all cases of the rule tree)")
    List<Path> paths = new ArrayList<>();

    @Mixin RuleOptions rules;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        RuleEngine engine;
        try {
            engine = rules.engine();
        } catch (RuleTreeException e) {
            err.println("mianshen test: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        List<CaseRunner.CaseFile> files = new ArrayList<>();
        if (paths.isEmpty()) {
            if (rules.rulesDir() == null || rules.withBundled) files.addAll(CaseRunner.bundled());
            if (rules.rulesDir() != null) files.addAll(CaseRunner.fromPath(rules.rulesDir()));
        } else {
            for (Path p : paths) {
                if (!p.toFile().exists()) { err.println("mianshen test: " + p + ": not found"); return Main.BAD_INPUT; }
                files.addAll(CaseRunner.fromPath(p));
            }
        }
        int passed = 0, failed = 0;
        for (CaseRunner.Result r : new CaseRunner(engine).run(files)) {
            if (r.passed()) { passed++; continue; }
            failed++;
            for (String f : r.failures()) out.println("FAIL " + r.file() + " :: " + r.name() + " :: " + f);
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? Main.OK : 1;
    }
}
