package org.mianshen.push;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.engine.RuleEngine;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV that Excel opens: BOM, and untrusted text never runs as a formula. */
class CellsTest {
    @TempDir Path dir;

    @Test
    void cellsStartingWithAFormulaCharacterAreNeutralised() {
        for (String s : List.of("=1+1", "+86 123", "-2", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")"))
            assertThat(Cells.neutralise(s)).as(s).isEqualTo("'" + s);
        for (String s : List.of("福嘉商贸有限公司", "a=b", "1-2", "e@x", " =1", "'quoted"))
            assertThat(Cells.neutralise(s)).as(s).isEqualTo(s);
        assertThat(Cells.neutralise("")).isEmpty();
        assertThat(Cells.neutralise(null)).isNull();
    }

    @Test
    void rowsQuoteAndKeepNumbersAsNumbers() throws IOException {
        StringWriter w = new StringWriter();
        Cells.writeRow(w, Arrays.asList("a,b", "say \"hi\"", -5L, null, "=cmd|' /C calc'!A0", "line\nbreak"));
        assertThat(w.toString()).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",-5,,'=cmd|' /C calc'!A0,\"line\nbreak\"\r\n");
    }

    @Test
    void aHostileRegistryNameIsTextInBothFormats() throws IOException {
        String id = RuleEngine.bundled().catalogue().stream().filter(m -> !m.isSupport()).findFirst().orElseThrow().id();
        String[] names = {"=HYPERLINK(\"http://evil\",\"点我\")", "+1+cmd|' /C calc'!A0", "-1", "@SUM(1)", "\t=1", "\r=1"};
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < names.length; i++)
            in.append("{\"uscc\":\"9100000000000000").append(i).append("X\",\"name\":").append(org.mianshen.io.Json.MAPPER.writeValueAsString(names[i]))
                    .append(",\"entitlements\":[{\"measureId\":\"").append(id).append("\",\"status\":\"ELIGIBLE\",\"amountYuan\":-3,\"missing\":[]}]}\n");
        Path results = dir.resolve("hostile.jsonl");
        Files.writeString(results, in);
        Path out = dir.resolve("push");
        var r = PushFixtures.cli("push", results.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path csv = out.resolve(PushLists.fileName(id) + ".csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = PushListsTest.csv(csv);
        List<List<String>> data = rows.subList(PushLists.PREAMBLE_ROWS + 1, rows.size());
        assertThat(data).hasSize(names.length);
        for (int i = 0; i < names.length; i++) {
            assertThat(data.get(i).get(1)).isEqualTo("'" + names[i]);
            assertThat(data.get(i).get(5)).as("a number stays a number").isEqualTo("-3");
        }
        // the XLSX keeps the name as it is, in a string cell (PushListsTest.xlsx asserts no formula cell), equal to the CSV
        assertThat(PushListsTest.xlsx(out.resolve(PushLists.fileName(id) + ".xlsx"))).isEqualTo(rows);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\n=HYPERLINK");
    }
}
