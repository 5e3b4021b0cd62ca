package org.mianshen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.RegistryGenerator;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No rule code reaches what a consultant or a bureau reads: every sample and a generated registry of 2,000
 * profiles go through {@code match} (text and JSON, with --explain, support and drafts shown) and {@code batch},
 * and nothing printed may contain a DRL or Java token of the condition vocabulary.
 */
class NoRuleCodeInOutputTest {
    /** Tokens of rule code: operators, the Conditions functions, fact calls and enum qualifiers. */
    static final Pattern DRL = Pattern.compile("\\|\\||&&|\\b(is|isNot|yes|no|oneOf|atMost|atLeast|below|over|between|contains"
            + "|industryIn|holds|holdsAny|hasLoan|hasLoanGuaranteedBy|loanPrincipal|hasLoanMaturingBetween|hires|stateRentForMonths"
            + "|sum3|startupEligibleHires|startupHiringQuotaMet|layoffWithinLimit)\\(|\\b(VatTaxpayer|EntityType|Scale|Designation|LoanKind"
            + "|HireCategory|Guarantor|TaxCreditRating|PremisesOwnership)\\.[A-Z]|\\$e\\b|Enterprise\\(");

    static List<String> ruleCode(String printed) {
        List<String> hits = new ArrayList<>();
        for (String line : printed.split("\n")) {
            Matcher m = DRL.matcher(line);
            if (m.find()) hits.add(m.group() + "  ⟵  " + line.trim());
        }
        return hits;
    }

    @Test
    void theTokenPatternCatchesRuleCode() {
        assertThat(ruleCode("理由：( is(vatTaxpayer, VatTaxpayer.SMALL_SCALE) || yes(smallLowProfit) )")).isNotEmpty();
        assertThat(ruleCode("✗ 所属行业(543 A 51 52 593) required, is industryIn(\"62\")")).isNotEmpty();
        assertThat(ruleCode("理由：增值税纳税人类型为增值税小规模纳税人（是）、小型微利企业（否）或个体工商户（否）之一成立")).isEmpty();
    }

    @Test
    void samplesInEveryFormatPrintNoRuleCode() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("samples/profiles"))) {
            samples = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(5);
        List<String> hits = new ArrayList<>();
        for (Path p : samples) {
            for (String date : new String[]{"2022-06-30", "2026-12-02"}) {
                for (String format : new String[]{"text", "json"}) {
                    CliRun r = CliRun.of("match", p.toString(), "--as-of", date, "--format", format, "--explain",
                            "--include-support", "--include-drafts", "--risk-areas", "samples/risk-areas-2022.csv");
                    assertThat(r.exit()).as(r.err()).isZero();
                    for (String h : ruleCode(r.out())) hits.add(p.getFileName() + " " + date + " " + format + ": " + h);
                }
            }
        }
        assertThat(hits).as("rule code in match output").isEmpty();
    }

    @Test
    void aGeneratedRegistryPrintsNoRuleCode(@TempDir Path dir) throws Exception {
        Path registry = dir.resolve("registry.jsonl");
        try (Writer w = Files.newBufferedWriter(registry, StandardCharsets.UTF_8)) {
            new RegistryGenerator(20261202L).write(2_000, BatchRunner.Format.JSONL, w);
        }
        Path out = dir.resolve("out.jsonl");
        CliRun r = CliRun.of("batch", registry.toString(), "-o", out.toString(), "--as-of", "2022-06-30", "--full");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> hits = ruleCode(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(hits).as("rule code in batch output").isEmpty();
        // and each enterprise of the registry through match --explain, in both formats, for a sample of 200
        List<String> lines = Files.readAllLines(registry, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i += 10) {
            Path one = dir.resolve("p.json");
            Files.writeString(one, lines.get(i), StandardCharsets.UTF_8);
            for (String format : new String[]{"text", "json"}) {
                CliRun m = CliRun.of("match", one.toString(), "--as-of", "2022-06-30", "--format", format, "--explain", "--include-support");
                assertThat(m.exit()).as(m.err()).isZero();
                for (String h : ruleCode(m.out())) hits.add("registry line " + (i + 1) + " " + format + ": " + h);
            }
        }
        assertThat(hits).as("rule code in match output of generated profiles").isEmpty();
    }
}
