package org.mianshen.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mianshen.engine.Explainer;
import org.mianshen.engine.Deriver;
import org.mianshen.engine.MatchService;
import org.mianshen.engine.NotEntitled;
import org.mianshen.engine.RuleTreeException;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.model.Measure;
import org.mianshen.io.InputError;
import org.mianshen.io.Json;
import org.mianshen.io.ProfileReader;
import org.mianshen.io.TextReport;
import org.mianshen.model.Enterprise;
import org.mianshen.model.MatchResult;
import org.mianshen.reference.RiskAreas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "match", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Lists the relief measures one enterprise profile (JSON) is entitled to: what, how much, why, on which legal basis, as of a date.", ""},
        footer = {"", "Examples:",
                "  mianshen match samples/profiles/yunnan-restaurant-state-premises.json --as-of 2022-06-30",
                "  mianshen match profile.json --format json --risk-areas samples/risk-areas-2022.csv",
                "  mianshen match profile.json --explain          # also say why other measures did not apply",
                "  cat profile.json | mianshen match -",
                "",
                "Status: ELIGIBLE = entitled; NEEDS_INFO = entitled if the listed missing facts hold.",
                "Exit codes: 0 done, 2 bad input (the message names the field, the value and what is expected), 1 internal error."})
public final class MatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "profile JSON file (see `mianshen schema`), or - for stdin")
    String file;

    @Option(names = "--as-of", paramLabel = "DATE", description = "evaluate as of this date, yyyy-mm-dd (default: today)")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "text|json", description = "text (Chinese report, default) or json (the entitlement contract)")
    Format format = Format.text;

    @Option(names = "--risk-areas", paramLabel = "FILE",
            description = "CSV regionCode,level,from,to of epidemic medium/high-risk designations; without it, measures that depend on them are NEEDS_INFO")
    Path riskAreas;

    @Option(names = "--explain", description = "also list the measures of the enterprise's jurisdictions that did not apply, with the condition that failed and the actual value; near misses first")
    boolean explain;

    @Option(names = "--include-support", description = "also list, in a separate section (JSON: support), the 相关支持措施 of the enterprise's jurisdictions: instructions to governments, banks and guarantors, services and targets. They are never entitlements.")
    boolean includeSupport;

    @Option(names = "--include-drafts", description = "also count measures of consultation drafts (征求意见稿), marked as such; by default they are left out: a draft is not law")
    boolean includeDrafts;

    @Mixin RuleOptions rules;

    enum Format { text, json }

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        rules.prefetch();
        ProfileReader.Read read;
        try {
            read = new ProfileReader().read(readInput());
        } catch (NoSuchFileException e) {
            err.println("mianshen match: " + file + ": file not found");
            return Main.BAD_INPUT;
        } catch (InputError e) {
            err.println("mianshen match: " + file + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        RiskAreas risk;
        try {
            risk = riskAreas == null ? RiskAreas.none() : RiskAreas.load(riskAreas);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("mianshen match: --risk-areas: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        // Derive the facts (reference data: regions, industries, 300号) before waiting for the rules,
        // which load in the background meanwhile (RuleOptions.prefetch).
        Deriver deriver = new Deriver(asOf == null ? LocalDate.now() : asOf, risk);
        Enterprise enterprise = deriver.derive(read.profile());
        MatchService service;
        try {
            service = new MatchService(rules.engine(), deriver, new ResultAssembler.Selection(includeSupport, includeDrafts));
        } catch (RuleTreeException e) {
            err.println("mianshen match: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println("mianshen match: --rules: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        MatchResult result = service.match(enterprise, read.warnings());
        List<NotEntitled> notEntitled = null;
        if (explain) notEntitled = new Explainer(service.engine()).notEntitled(enterprise, includeSupport, includeDrafts);   // already matched above
        String out;
        if (format == Format.json) {
            if (notEntitled == null) out = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result);
            else {
                ObjectNode node = Json.MAPPER.valueToTree(result);
                node.set("notEntitled", Json.MAPPER.valueToTree(notEntitled));
                out = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            }
        } else {
            out = TextReport.render(result) + nothingInForce(service.engine(), enterprise, result)
                    + (notEntitled == null ? "" : explainText(notEntitled));
        }
        var o = spec.commandLine().getOut();
        o.println(out);
        o.flush();
        return Main.OK;
    }

    /**
     * One line when no bundled measure of the enterprise's jurisdictions is in force on the as-of date at all, so
     * an empty answer is not read as "this enterprise is entitled to nothing".
     */
    private String nothingInForce(RuleEngine engine, Enterprise e, MatchResult result) {
        if (!result.entitlements().isEmpty()) return "";
        java.time.LocalDate last = null;
        for (Measure m : engine.catalogue()) {
            if (m.isSupport() || (m.isDraft() && !includeDrafts) || !m.appliesIn(e.getRegionCode())) continue;
            if (m.inForce(e.asOf)) return "";
            if (m.validTo() != null && m.validTo().isBefore(e.asOf) && (last == null || m.validTo().isAfter(last))) last = m.validTo();
        }
        return last == null ? "\n" + e.asOf + " 没有在施行的措施。\n"
                : "\n" + e.asOf + " 所在地区没有在施行的已载入措施：已载入的措施最晚施行至 " + last
                + "；查看当时的权益请加 --as-of " + last + "（或更早的日期）。\n";
    }

    private static String explainText(List<NotEntitled> list) {
        StringBuilder sb = new StringBuilder("\n未享受的措施（--explain，差一个条件的排在前面）：\n");
        if (list.isEmpty()) sb.append("  （无：所在地区现行的措施均已列出）\n");
        for (NotEntitled n : list) {
            sb.append(n.nearMiss() ? "  ★ " : "  - ").append(n.measureId()).append(" ").append(n.title()).append('\n');
            for (String f : n.failed()) sb.append("      ✗ ").append(f).append('\n');
        }
        return sb.toString();
    }

    private String readInput() throws IOException {
        if ("-".equals(file)) {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
