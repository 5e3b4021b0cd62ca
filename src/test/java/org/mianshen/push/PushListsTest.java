package org.mianshen.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** push lists add up to the batch output; the XLSX read back equals the CSV; full and compact give the same lists. */
class PushListsTest {
    @TempDir static Path dir;
    static Path full, compact;

    @BeforeAll
    static void run() throws IOException {
        Path reg = PushFixtures.registry(dir, "reg.jsonl", 600, 7);
        full = dir.resolve("full.jsonl");
        compact = dir.resolve("compact.jsonl");
        assertThat(PushFixtures.cli("batch", reg.toString(), "-o", full.toString(), "--as-of", "2022-06-30", "-q", "--full").exit()).isZero();
        assertThat(PushFixtures.cli("batch", reg.toString(), "-o", compact.toString(), "--as-of", "2022-06-30", "-q", "--compact").exit()).isZero();
    }

    /** Every (uscc, measureId) entitlement of the batch output, read independently with Jackson: status|amount. */
    static Map<String, String> entitlements(Path out) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode r = Json.MAPPER.readTree(line);
            for (JsonNode e : r.get("entitlements")) {
                String prev = m.put(r.get("uscc").asText() + "|" + e.get("measureId").asText(),
                        e.get("status").asText() + "|" + (e.path("amountYuan").isNumber() ? e.get("amountYuan").asText() : ""));
                assertThat(prev).as("one entitlement per enterprise and measure").isNull();
            }
        }
        return m;
    }

    static List<List<String>> csv(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        assertThat(b).startsWith(0xEF, 0xBB, 0xBF);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (var it = mapper.readerFor(String[].class).<String[]>readValues(new String(b, 3, b.length - 3, StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                List<String> r = new ArrayList<>(List.of(it.next()));
                while (!r.isEmpty() && r.get(r.size() - 1).isEmpty()) r.remove(r.size() - 1);
                rows.add(r);
            }
        }
        return rows;
    }

    /** The XLSX as the CSV would hold it: numbers as digits, text neutralised. */
    static List<List<String>> xlsx(Path p) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            try (Stream<Row> s = wb.getFirstSheet().openStream()) {
                s.forEach(r -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        Cell c = r.getCell(i);
                        if (c == null || c.getType() == CellType.EMPTY) cells.add("");
                        else if (c.getType() == CellType.NUMBER) cells.add(c.asNumber().toBigInteger().toString());
                        else {
                            assertThat(c.getType()).as("text is a string cell, never a formula").isEqualTo(CellType.STRING);
                            cells.add(Cells.neutralise(c.asString()));
                        }
                    }
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
                    rows.add(cells);
                });
            }
        }
        return rows;
    }

    @Test
    void listsAddUpToTheBatchOutputAndTheXlsxEqualsTheCsv() throws IOException {
        Path out = dir.resolve("push-full");
        var r = PushFixtures.cli("push", full.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String> expected = entitlements(full);
        assertThat(expected).hasSizeGreaterThan(1000);

        Map<String, String> listed = new HashMap<>();
        long indexRows = 0, indexEligible = 0;
        List<List<String>> index = csv(out.resolve("00-index.csv"));
        assertThat(index.get(0)).startsWith("措施编号", "措施名称", "兑现方式", "负责机关");
        for (List<String> row : index.subList(1, index.size())) {
            String measure = row.get(0);
            List<List<String>> list = csv(out.resolve(row.get(row.size() - 1) + ".csv"));
            assertThat(xlsx(out.resolve(row.get(row.size() - 1) + ".xlsx"))).as(measure + ": XLSX = CSV").isEqualTo(list);
            assertThat(list.get(0).get(0)).isEqualTo("措施");
            assertThat(list.get(0).get(1)).startsWith(measure + "　");
            assertThat(list.get(2).get(0)).isEqualTo("法律依据");
            assertThat(list.get(PushLists.PREAMBLE_ROWS)).isEqualTo(PushLists.HEADER);
            List<List<String>> data = list.subList(PushLists.PREAMBLE_ROWS + 1, list.size());
            assertThat((long) data.size()).isEqualTo(Long.parseLong(row.get(6)));
            indexRows += data.size();
            long eligible = 0;
            for (List<String> d : data) {
                String status = d.get(4).equals("可享受") ? "ELIGIBLE" : "NEEDS_INFO";
                if (status.equals("ELIGIBLE")) eligible++;
                String amount = d.size() > 5 ? d.get(5) : "";
                assertThat(listed.put(d.get(0) + "|" + measure, status + "|" + amount)).as("listed once: " + d.get(0) + " " + measure).isNull();
            }
            assertThat(eligible).isEqualTo(Long.parseLong(row.get(7)));
            indexEligible += eligible;
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(indexRows).isEqualTo(expected.size());
        assertThat(indexEligible).isEqualTo(expected.values().stream().filter(v -> v.startsWith("ELIGIBLE")).count());
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void compactOutputGivesTheSameLists() throws IOException {
        Path a = dir.resolve("push-a"), b = dir.resolve("push-b");
        assertThat(PushFixtures.cli("push", full.toString(), "-o", a.toString(), "--format", "csv").exit()).isZero();
        assertThat(PushFixtures.cli("push", compact.toString(), "-o", b.toString(), "--format", "csv").exit()).isZero();
        try (var s = Files.list(a)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".csv")).toList())
                assertThat(Files.readAllBytes(b.resolve(p.getFileName()))).as(p.getFileName().toString()).isEqualTo(Files.readAllBytes(p));
        }
    }

    @Test
    void aRegistryIsMatchedFirst() throws IOException {
        Path reg = PushFixtures.registry(dir, "small.jsonl", 50, 3);
        Path matched = dir.resolve("small-out.jsonl");
        assertThat(PushFixtures.cli("batch", reg.toString(), "-o", matched.toString(), "--as-of", "2022-06-30", "-q").exit()).isZero();
        Path a = dir.resolve("push-reg"), b = dir.resolve("push-out");
        var r = PushFixtures.cli("push", reg.toString(), "-o", a.toString(), "--as-of", "2022-06-30", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(PushFixtures.cli("push", matched.toString(), "-o", b.toString(), "--format", "csv").exit()).isZero();
        assertThat(Files.readString(a.resolve("00-index.csv"))).isEqualTo(Files.readString(b.resolve("00-index.csv")));
    }

    @Test
    void aNonEmptyDirectoryOrABadLineIsRefused() throws IOException {
        Path d = Files.createDirectories(dir.resolve("used"));
        Files.writeString(d.resolve("x.csv"), "old");
        var r = PushFixtures.cli("push", full.toString(), "-o", d.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not empty");

        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, Files.readAllLines(full).get(0) + "\n{\"uscc\":\"X\",\"entitlements\":[{\"measureId\":\"no-such-measure\",\"status\":\"ELIGIBLE\"}]}\n");
        r = PushFixtures.cli("push", bad.toString(), "-o", dir.resolve("bad-out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 2").contains("no-such-measure").contains("--rules");
        try (var s = Files.list(dir.resolve("bad-out"))) { assertThat(s.toList()).as("nothing left behind").isEmpty(); }
    }
}
