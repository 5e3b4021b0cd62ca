package org.mianshen.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing lost: every planted bad row is rejected with its line, raw row, field and reason; rows in = out + rejected. */
class PlantedBadRowsTest {
    @TempDir Path dir;

    private static final String OK = "\"uscc\":\"91410724MA44GY2P5W\"";

    /** raw row → field the reject must name, JSON Lines. */
    static Map<String, String> badJsonRows() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("{\"uscc\":\"91410724MA44GY2P5W\",\"employees\":", "(row)");                   // malformed JSON (truncated)
        m.put("this is not json", "(row)");                                                      // not JSON at all
        m.put("[1,2,3]", "(row)");                                                               // JSON, not an object
        m.put("{" + OK + "} trailing", "(row)");                                                 // trailing garbage
        m.put("{\"uscc\":\"91410724MA44GY2P5X\"}", "uscc");                                     // bad check character
        m.put("{\"uscc\":\"91410724MA44GY2P5\"}", "uscc");                                      // too short
        m.put("{\"name\":\"无代码企业\"}", "uscc");                                               // missing uscc
        m.put("{" + OK + ",\"employees\":\"eight\"}", "employees");                               // wrong type
        m.put("{" + OK + ",\"employees\":8.5}", "employees");                                     // float for an integer
        m.put("{" + OK + ",\"operatingRevenueYuan\":-5}", "operatingRevenueYuan");               // negative value
        m.put("{" + OK + ",\"vatTaxpayer\":\"BIG\"}", "vatTaxpayer");                             // unknown enum
        m.put("{" + OK + ",\"designations\":[\"NOBEL_PRIZE\"]}", "designations[0]");              // unknown enum in a list
        m.put("{" + OK + ",\"establishedOn\":\"2022-02-30\"}", "establishedOn");                  // impossible date
        m.put("{" + OK + ",\"regionCode\":\"4107\"}", "regionCode");                              // bad region code
        m.put("{" + OK + ",\"industryCode\":\"99999\"}", "industryCode");                         // bad industry code
        m.put("{" + OK + ",\"layoffRate\":1.5}", "layoffRate");                                   // ratio out of range
        m.put("{" + OK + ",\"premises\":[{\"ownership\":\"STATE\",\"monthlyRentYuan\":-1}]}", "premises[0].monthlyRentYuan");
        m.put("{" + OK + ",\"hires\":{\"count\":3}}", "hires");                                   // object instead of list
        return m;
    }

    /** raw row → field, CSV (header = generator header). */
    static Map<String, String> badCsvRows(List<String> header) {
        int cols = header.size();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(row(header, Map.of("uscc", "91410724MA44GY2P5X")), "uscc");
        m.put(row(header, Map.of("uscc", "91410724MA44GY2P5W", "employees", "eight")), "employees");
        m.put(row(header, Map.of("uscc", "91410724MA44GY2P5W", "totalAssetsYuan", "-100")), "totalAssetsYuan");
        m.put(row(header, Map.of("uscc", "91410724MA44GY2P5W", "taxCreditRating", "AAA")), "taxCreditRating");
        m.put(row(header, Map.of("uscc", "91410724MA44GY2P5W", "premises", "[{\"ownership\":\"STATE\"")), "premises");   // bad JSON in a list cell
        m.put(row(header, Map.of("uscc", "91410724MA44GY2P5W", "loans", "CREDIT")), "loans");                             // not a JSON array
        m.put("91410724MA44GY2P5W,too,few,cells", "(row)");
        m.put("91410724MA44GY2P5W" + ",x".repeat(cols + 2), "(row)");                                                     // too many cells
        return m;
    }

    private static String row(List<String> header, Map<String, String> values) {
        String[] cells = new String[header.size()];
        values.forEach((k, v) -> cells[header.indexOf(k)] = v);
        return org.mianshen.io.CsvProfiles.writeRow(cells).stripTrailing();
    }

    @Test
    void jsonLinesWithEveryKindOfBadRow() throws Exception {
        check(BatchRunner.Format.JSONL, "registry.jsonl", Registries.lines(3000, 7, BatchRunner.Format.JSONL), badJsonRows(), 0);
    }

    @Test
    void csvWithEveryKindOfBadRow() throws Exception {
        List<String> lines = Registries.lines(3000, 7, BatchRunner.Format.CSV);
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, String> bad = badCsvRows(header);
        check(BatchRunner.Format.CSV, "registry.csv", lines, bad, 1);
        // an unclosed quote swallows the rest of the file: still one reject, never a crash
        List<String> tail = new ArrayList<>(lines.subList(0, 50));
        tail.add("91410724MA44GY2P5W,\"unclosed" + ",".repeat(header.size() - 2));
        Path in = Registries.write(dir, "unclosed.csv", tail);
        Path out = dir.resolve("u.jsonl"), rej = dir.resolve("u-rejects.jsonl");
        BatchRunner.Result r = new BatchRunner(RuleEngine.bundledForBatch(), Registries.options(in, out, 2, 10, rej), new PrintWriter(new StringWriter())).run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.report().rowsRead()).isEqualTo(50);
        assertThat(r.report().rejected()).isEqualTo(1);
        assertThat(Registries.read(out)).hasSize(49);
    }

    private void check(BatchRunner.Format f, String name, List<String> good, Map<String, String> bad, int headerLines) throws Exception {
        List<String> lines = new ArrayList<>(good);
        // plant each bad row at a spread of positions; remember the physical line (1-based) it lands on
        Map<Long, String[]> planted = new LinkedHashMap<>();
        int step = (good.size() - headerLines) / (bad.size() + 1);
        int k = 1;
        List<Map.Entry<String, String>> entries = new ArrayList<>(bad.entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
            int at = headerLines + step * (i + 1);
            lines.add(at, entries.get(i).getKey());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (bad.containsKey(lines.get(i))) planted.put((long) i + 1, new String[]{lines.get(i), bad.get(lines.get(i))});
        }
        assertThat(planted).hasSize(bad.size());
        lines.add(headerLines + 5, "");                         // a blank line is not a row
        // the blank line shifts later planted rows by one physical line
        Map<Long, String[]> expected = new LinkedHashMap<>();
        planted.forEach((line, v) -> expected.put(line > headerLines + 5 ? line + 1 : line, v));

        Path in = Registries.write(dir, name, lines);
        Path out = dir.resolve("out.jsonl"), rej = dir.resolve("rejects.jsonl");
        BatchRunner.Result r = new BatchRunner(RuleEngine.bundledForBatch(), Registries.options(in, out, 3, 97, rej), new PrintWriter(new StringWriter())).run();

        assertThat(r.exitCode()).as(r.message()).isZero();
        long rowsIn = good.size() - headerLines + bad.size();
        List<String> outLines = Registries.read(out), rejLines = Registries.read(rej);
        assertThat(r.report().rowsRead()).isEqualTo(rowsIn);
        assertThat(r.report().rejected()).isEqualTo(bad.size());
        assertThat(outLines.size() + rejLines.size()).as("rows in = rows out + rows rejected").isEqualTo(rowsIn);
        assertThat(r.report().matched()).isEqualTo(outLines.size());

        Map<Long, JsonNode> rejects = new LinkedHashMap<>();
        for (String l : rejLines) { JsonNode n = Json.MAPPER.readTree(l); rejects.put(n.get("line").asLong(), n); }
        assertThat(rejects.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((line, v) -> {
            JsonNode n = rejects.get(line);
            assertThat(n.get("raw").asText()).as("raw row of line " + line).isEqualTo(v[0]);
            assertThat(n.get("field").asText()).as("field of line " + line + ": " + n).isEqualTo(v[1]);
            assertThat(n.get("reason").asText()).as("reason of line " + line).isNotBlank();
        });
        assertThat(r.report().rejectedByField().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(bad.size());
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".partial"))).isEmpty();
    }
}
