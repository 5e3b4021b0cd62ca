package org.mianshen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The Chinese report ({@code match --format text}) carries no English prose and no internal note: no run of English
 * words (an authoring note such as "with co-issuers inferred from addressees") and no seed-file line reference
 * ("[004_258a8524201cde36.txt:867]", which stays in the JSON basis). Identifiers a reader may quote back (measure ids
 * such as gbf2021-45-art2-cit-small-low-profit, field names such as regionCode, codes such as LPR) are single tokens
 * and allowed. Sibling of {@link NoRuleCodeInOutputTest}, over the samples and the committed registry exports.
 */
class NoEnglishInTextReportTest {
    /** Two or more English words in a row, each a whole word of 2+ letters (not part of an id like a-b-c or x2). */
    static final Pattern PROSE = Pattern.compile("(?<![\\w-])[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,})+(?![\\w-])");
    /** A reference into the seed text files. */
    static final Pattern SOURCE = Pattern.compile("\\b\\d{3}_[0-9a-f]{6,}\\.txt\\b");

    static List<String> englishOrNotes(String printed) {
        List<String> hits = new ArrayList<>();
        for (String line : printed.split("\n")) {
            Matcher m = PROSE.matcher(line);
            if (m.find()) hits.add("english '" + m.group() + "'  ⟵  " + line.trim());
            Matcher s = SOURCE.matcher(line);
            if (s.find()) hits.add("source '" + s.group() + "'  ⟵  " + line.trim());
        }
        return hits;
    }

    @Test
    void thePatternsCatchNotesAndSparePolicyCodes() {
        assertThat(englishOrNotes("依据：《实施意见》，新乡市金融工作局 with co-issuers inferred from addressees (新乡)")).isNotEmpty();
        assertThat(englishOrNotes("依据：《通知》 第三、9 (placement inferred; text displaced in seed)项")).isNotEmpty();
        assertThat(englishOrNotes("依据：《通知》（国办发〔2021〕45号） 第二项 [004_258a8524201cde36.txt:87-87]")).isNotEmpty();
        assertThat(englishOrNotes("  ★ ndrc2022-271-art26-tourism-key-entity-credit A级景区、星级酒店信贷支持")).isEmpty();
        assertThat(englishOrNotes("   需补充：营业收入 (operatingRevenueYuan)、从业人员 (employees)")).isEmpty();
        assertThat(englishOrNotes("   内容：贷款利率不高于LPR，按LPR换算；FTP优惠")).isEmpty();
        assertThat(englishOrNotes("  - regionCode 未提供：所在地按统一社会信用代码第3-8位登记机关代码 410724 推定")).isEmpty();
    }

    @Test
    void samplesInTextHaveNoEnglishProseOrSourceReferences() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("samples/profiles"))) {
            samples = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
        List<String> hits = new ArrayList<>();
        for (Path p : samples) {
            for (String date : new String[]{"2020-06-30", "2022-06-30", "2026-12-02"}) {
                CliRun r = CliRun.of("match", p.toString(), "--as-of", date, "--format", "text", "--explain",
                        "--include-support", "--include-drafts", "--risk-areas", "samples/risk-areas-2022.csv");
                assertThat(r.exit()).as(r.err()).isZero();
                for (String h : englishOrNotes(r.out())) hits.add(p.getFileName() + " " + date + ": " + h);
            }
        }
        assertThat(hits).as("English or internal notes in the Chinese report").isEmpty();
    }

    @Test
    void registryExportRowsInTextHaveNoEnglishProse(@TempDir Path dir) throws Exception {
        List<String> hits = new ArrayList<>();
        for (String file : new String[]{"samples/registry-export-2k.csv", "samples/registry-export-regions-1k.csv"}) {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i += 25) {                 // every 25th row: all kinds and region cases occur
                CliRun m = CliRun.of("match", csvRowAsJson(lines.get(0), lines.get(i), dir).toString(), "--as-of", "2022-06-30",
                        "--format", "text", "--explain", "--include-support", "--include-drafts");
                assertThat(m.exit()).as(m.err()).isZero();
                for (String h : englishOrNotes(m.out())) hits.add(file + " row " + i + ": " + h);
            }
        }
        assertThat(hits).as("English or internal notes in the Chinese report of registry rows").isEmpty();
    }

    /** A CSV row of uscc,name[,regionCode,registrationType] as a profile JSON file. */
    private static Path csvRowAsJson(String header, String row, Path dir) throws Exception {
        String[] h = header.split(",", -1);
        String[] v = row.split(",", -1);
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < h.length; k++) {
            if (v[k].isEmpty()) continue;
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(h[k]).append("\":\"").append(v[k].replace("\"", "\\\"")).append('"');
        }
        Path p = dir.resolve("row-profile.json");
        Files.writeString(p, sb.append('}').toString(), StandardCharsets.UTF_8);
        return p;
    }
}
