package org.mianshen.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mianshen.engine.RuleProblem;
import org.mianshen.engine.RuleTree;
import org.mianshen.io.Json;
import org.mianshen.model.Delivery;
import org.mianshen.model.DocStatus;
import org.mianshen.model.Measure;
import org.mianshen.model.ValidToBasis;
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
                "  mianshen rules --summary                        # measures by jurisdiction × tier, and how many are in force today",
                "  mianshen rules --summary --as-of 2022-06-30",
                "  mianshen rules --rules my-rules/ --with-bundled"})
public final class RulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json", description = "text (default) or json")
    MatchCommand.Format format = MatchCommand.Format.text;

    @Option(names = "--summary", description = "a table of measures by jurisdiction × delivery tier (免申即享 / 依申请 / 相关支持), each with how many are in force on the --as-of date; drafts counted apart")
    boolean summary;

    @Option(names = "--as-of", paramLabel = "DATE", description = "with --summary: count the measures in force on this date (default: today)")
    LocalDate asOf;

    @Mixin RuleOptions rules;

    @JsonPropertyOrder({"measureId", "family", "title", "delivery", "benefitType", "jurisdiction", "validFrom", "validTo",
            "validToBasis", "standingLaw", "docStatus", "source", "document", "docNumber", "article", "authority", "external",
            "confirm", "file", "line"})
    record Entry(String measureId, String family, String title, Delivery delivery, String benefitType, String jurisdiction,
                 LocalDate validFrom, LocalDate validTo, ValidToBasis validToBasis,
                 @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String standingLaw,
                 DocStatus docStatus, String source, String document, String docNumber,
                 String article, String authority, String external, List<String> confirm, String file, int line) {
        static Entry of(Measure m) {
            return new Entry(m.id(), m.family(), m.title(), m.delivery(), m.benefitType(), m.jurisdiction(), m.validFrom(), m.validTo(),
                    m.validToBasis(), m.standingLaw(), m.docStatus(), m.source(), m.doc(), m.docNumber(), m.article(), m.authority(),
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
        if (summary) {
            out.print(RuleSummary.of(tree.measures(), asOf == null ? LocalDate.now() : asOf).render(format == MatchCommand.Format.json));
            out.flush();
            return Main.OK;
        }
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
