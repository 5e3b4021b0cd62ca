package org.mianshen.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mianshen.engine.RuleProblem;
import org.mianshen.engine.RuleTree;
import org.mianshen.io.Json;
import org.mianshen.model.Measure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Lists the loaded catalogue: one entry per rule with its source, validity and jurisdiction.", ""},
        footer = {"", "Examples:", "  mianshen rules", "  mianshen rules --format json | jq '.[].measureId'",
                "  mianshen rules --rules my-rules/ --with-bundled"})
public final class RulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json", description = "text (default) or json")
    MatchCommand.Format format = MatchCommand.Format.text;

    @Mixin RuleOptions rules;

    @JsonPropertyOrder({"measureId", "family", "title", "benefitType", "jurisdiction", "validFrom", "validTo",
            "source", "document", "docNumber", "article", "authority", "external", "confirm", "file", "line"})
    record Entry(String measureId, String family, String title, String benefitType, String jurisdiction,
                 LocalDate validFrom, LocalDate validTo, String source, String document, String docNumber,
                 String article, String authority, String external, List<String> confirm, String file, int line) {
        static Entry of(Measure m) {
            return new Entry(m.id(), m.family(), m.title(), m.benefitType(), m.jurisdiction(), m.validFrom(), m.validTo(),
                    m.source(), m.doc(), m.docNumber(), m.article(), m.authority(),
                    m.external() == null || m.external().isBlank() ? null : m.external(), m.confirm(), m.file(), m.line());
        }
    }

    @Override
    public Integer call() throws Exception {
        RuleTree tree = rules.parse();
        if (!tree.problems().isEmpty()) {
            for (RuleProblem p : tree.problems()) spec.commandLine().getErr().println(p);
            spec.commandLine().getErr().println("mianshen rules: the rule tree has problems; run `mianshen check` for all of them");
            return Main.BAD_INPUT;
        }
        var out = spec.commandLine().getOut();
        if (format == MatchCommand.Format.json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(tree.measures().stream().map(Entry::of).toList()));
        } else {
            for (Measure m : tree.measures()) {
                out.printf("%-48s %-10s %-10s %s%n    %s 《%s》%s %s%n", m.id(),
                        m.jurisdiction().isEmpty() ? "全国" : m.jurisdiction(),
                        m.validFrom() == null ? "-" : m.validFrom(), m.validTo() == null ? "-" : m.validTo(),
                        m.title(), m.doc(), m.docNumber().isEmpty() ? "" : m.docNumber(), m.source());
            }
            out.println(tree.measures().size() + " measures");
        }
        out.flush();
        return Main.OK;
    }
}
