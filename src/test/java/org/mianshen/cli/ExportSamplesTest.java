package org.mianshen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.batch.ExportGenerator;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed registry exports are what {@code generate --export} makes, and their batch summaries are the ones
 * docs/batch.md shows; no 个体工商户, 个人独资 or 合伙 enterprise gets a 企业所得税 measure (that SME measures do not reach
 * bodies that are no enterprise is RegistryDerivationTest's) (issue 10: USCC-derived region, code history, kinds of body, branches, CIT payers).
 */
class ExportSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CIT_MEASURES = Set.of("gbf2021-45-art2-cit-small-low-profit",
            "gbf2021-45-art2-rd-super-deduction", "gbf2021-45-art2-accelerated-depreciation", "mof2023-12-art3-cit-small-low-profit",
            "ndrc2022-672-art1-cit-smallprofit-halving", "ndrc2022-672-art3-rnd-super-deduction-techsme",
            "xinxiang-small-low-profit-cit", "xinxiang-accelerated-depreciation", "xinxiang-manufacturing-rd-super-deduction",
            "datong-small-micro-cit-reduction");

    @Test
    void theCommittedExportsAreTheGeneratedOnes() throws Exception {
        StringWriter a = new StringWriter();
        new ExportGenerator(20220630L).write(2000, false, a);
        assertThat(a.toString()).isEqualTo(Files.readString(Path.of("samples/registry-export-2k.csv"), StandardCharsets.UTF_8));
        StringWriter b = new StringWriter();
        new ExportGenerator(20220630L).write(1000, true, b);
        assertThat(b.toString()).isEqualTo(Files.readString(Path.of("samples/registry-export-regions-1k.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void uscAndNameOnly(@TempDir Path dir) throws Exception {
        Run r = batch("samples/registry-export-2k.csv", dir);
        assertThat(r.summary.get("matched").asLong()).isEqualTo(2000);
        assertThat(r.summary.get("rejected").asLong()).isZero();
        assertThat(r.summary.get("regionFromUscc").asLong()).isEqualTo(2000);
        assertThat(r.summary.get("enterprisesByJurisdiction").has("所在地未知（无 regionCode，信用代码也无法推定）")).isFalse();
        JsonNode kinds = r.summary.get("enterprisesByEntityType");
        assertThat(kinds.get("企业（有限责任公司）").asLong()).isEqualTo(1100);
        assertThat(kinds.get("企业（有限责任公司）·分支机构").asLong()).isEqualTo(127);
        assertThat(kinds.get("工会").asLong()).isEqualTo(50);
        assertThat(kinds.get("事业单位").asLong()).isEqualTo(69);
        assertThat(kinds.get("社会团体").asLong()).isEqualTo(49);
        assertThat(r.warningsContaining("已于")).isEqualTo(98);
        assertThat(r.warningsContaining("“市辖区”代码")).isEqualTo(51);
        assertThat(r.warningsContaining("是省级代码")).isEqualTo(103);
        r.noCitMeasureForNonPayers();
    }

    @Test
    void withTheRegistrysRegionColumn(@TempDir Path dir) throws Exception {
        Run r = batch("samples/registry-export-regions-1k.csv", dir);
        assertThat(r.summary.get("matched").asLong()).isEqualTo(1000);
        assertThat(r.summary.get("regionFromUscc").asLong()).isEqualTo(108);
        assertThat(r.summary.get("enterprisesByEntityType").get("企业（个人独资企业）").asLong()).isEqualTo(32);
        assertThat(r.warningsContaining("不在同一地区")).isEqualTo(82);
        assertThat(r.warningsContaining("已于")).isEqualTo(49);
        r.noCitMeasureForNonPayers();
    }

    private record Run(JsonNode summary, List<JsonNode> rows) {
        long warningsContaining(String s) {
            return rows.stream().mapToLong(n -> {
                long k = 0;
                for (JsonNode w : n.get("warnings")) if (w.asText().contains(s)) k++;
                return k;
            }).sum();
        }

        void noCitMeasureForNonPayers() {
            for (JsonNode n : rows) {
                JsonNode d = n.get("derived");
                boolean nonPayer = d.has("citPayer") && !d.get("citPayer").asBoolean();
                for (JsonNode e : n.get("entitlements")) {
                    String id = e.get("measureId").asText();
                    if (nonPayer) assertThat(CIT_MEASURES).as(n.get("uscc").asText()).doesNotContain(id);
                }
            }
        }
    }

    private static Run batch(String input, Path dir) throws Exception {
        Path out = dir.resolve("out.jsonl");
        Path summary = dir.resolve("summary.json");
        CliRun r = CliRun.of("batch", input, "-o", out.toString(), "--full", "--as-of", "2022-06-30", "--summary", summary.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) rows.add(JSON.readTree(line));
        return new Run(JSON.readTree(summary.toFile()), rows);
    }
}
