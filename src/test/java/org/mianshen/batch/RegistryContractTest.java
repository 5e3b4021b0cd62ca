package org.mianshen.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;
import org.mianshen.push.Catalogue;
import org.mianshen.push.PushRecord;
import org.mianshen.push.ResultLines;
import org.mianshen.reference.RiskAreas;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry contract (batch's default) with its measures file says what the full contract says: joined on
 * measureId, every entitlement's id, family, delivery, status, amount, missing facts, detail, title, benefit type,
 * confirm list, basis, validity and draft mark, the alsoBasedOn ids, and the enterprise's uscc, name, scale,
 * 小型微利 and region. Not in it by design: reasons (rendered per condition: `match --explain`), the alsoBasedOn
 * entries' own status/amount/detail, and the derived facts that decide no tier. Runs through the batch as the CLI
 * does, with the network of the day, on both sides of validity boundaries.
 */
class RegistryContractTest {
    @TempDir Path dir;

    static final List<LocalDate> DATES = List.of(LocalDate.of(2022, 6, 30), LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1));

    private BatchRunner.Result run(RuleEngine engine, Path in, Path out, LocalDate asOf, Contract c, RiskAreas risk) {
        var o = new BatchRunner.Options(in.toString(), out.toString(), null, null, asOf, risk, 2, null, null, true, 100, false, false,
                false, c, false);
        BatchRunner.Result r = new BatchRunner(engine, o, new PrintWriter(new StringWriter())).run();
        assertThat(r.exitCode()).as(String.valueOf(r.message())).isZero();
        return r;
    }

    @Test
    void theRegistryContractJoinedWithItsMeasuresFileIsTheFullContract() throws Exception {
        Path in = Registries.write(dir, "r.jsonl", Registries.lines(1500, 13, BatchRunner.Format.JSONL));
        RiskAreas risk = RiskAreas.load(Path.of("samples/risk-areas-2022.csv"));
        long entitlements = 0, lineDetails = 0;
        for (LocalDate asOf : DATES) {
            RuleEngine engine = RuleEngine.bundledForBatch(asOf, ResultAssembler.Selection.ENTITLEMENTS);
            Path full = dir.resolve("full-" + asOf + ".jsonl"), reg = dir.resolve("reg-" + asOf + ".jsonl");
            run(engine, in, full, asOf, Contract.FULL, risk);
            run(engine, in, reg, asOf, Contract.REGISTRY, risk);
            assertThat(MeasuresFile.beside(full)).as("the full contract needs no measures file").doesNotExist();
            MeasuresFile mf = MeasuresFile.read(MeasuresFile.beside(reg));
            assertThat(mf.asOf()).isEqualTo(asOf);
            assertThat(mf.rules()).isEqualTo(BatchRules.bundled().fingerprint());
            Map<String, JsonNode> measures = new HashMap<>();
            for (JsonNode m : Json.MAPPER.readTree(MeasuresFile.beside(reg).toFile()).get("measures")) measures.put(m.get("measureId").asText(), m);

            List<String> a = Files.readAllLines(full), b = Files.readAllLines(reg);
            assertThat(b).hasSameSizeAs(a);
            assertThat(Files.size(reg)).as("registry contract vs full, as of %s", asOf).isLessThan(Files.size(full) / 5);
            for (int i = 0; i < a.size(); i++) {
                JsonNode f = Json.MAPPER.readTree(a.get(i)), r = Json.MAPPER.readTree(b.get(i));
                assertThat(r.get("uscc")).isEqualTo(f.get("uscc"));
                assertThat(r.get("name").asText(null)).isEqualTo(f.get("name") == null ? null : f.get("name").asText());
                assertThat(f.get("asOf").asText()).isEqualTo(asOf.toString());
                JsonNode d = f.get("derived");
                assertThat(r.get("scale").asText(null)).isEqualTo(d.has("scale") ? d.get("scale").asText() : null);
                assertThat(r.get("smallLowProfit").isNull() ? null : r.get("smallLowProfit").asBoolean())
                        .isEqualTo(d.has("smallLowProfit") ? d.get("smallLowProfit").asBoolean() : null);
                if (d.has("county")) assertThat(r.get("regionCode").asText()).isEqualTo(d.get("county").asText());
                assertThat(r.has("warnings") ? r.get("warnings") : Json.MAPPER.createArrayNode()).isEqualTo(f.get("warnings"));
                ArrayNode fe = (ArrayNode) f.get("entitlements"), re = (ArrayNode) r.get("entitlements");
                assertThat(re.size()).as("line %d", i + 1).isEqualTo(fe.size());
                for (int k = 0; k < fe.size(); k++) {
                    JsonNode line = re.get(k);
                    if (line.has("detail")) lineDetails++;
                    assertThat(joined(line, measures.get(line.get("measureId").asText())))
                            .as("line %d entitlement %d as of %s", i + 1, k, asOf).isEqualTo(withoutReasons((ObjectNode) fe.get(k)));
                    entitlements++;
                }
            }
        }
        assertThat(entitlements).as("the registry exercises the rules").isGreaterThan(5_000);
        assertThat(lineDetails).as("computed details travel on the line").isPositive();
    }

    /** What a consumer does: the line's fields over the measure's, alsoBasedOn ids; the full contract's field order. */
    private static ObjectNode joined(JsonNode line, JsonNode measure) {
        assertThat(measure).as("measure %s in the measures file", line.get("measureId")).isNotNull();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("measureId", line.get("measureId"));
        o.set("family", line.get("family"));
        o.set("status", line.get("status"));
        o.set("delivery", line.get("delivery"));
        copy(measure, o, "title", "benefitType");
        if (line.has("amountYuan")) o.set("amountYuan", line.get("amountYuan"));
        if (line.has("amountPeriod")) o.set("amountPeriod", line.get("amountPeriod"));
        if (line.has("amountMissing")) o.set("amountMissing", line.get("amountMissing"));
        JsonNode detail = line.has("detail") ? line.get("detail") : measure.get("detail");
        if (detail != null && !detail.isNull()) o.set("detail", detail);
        o.set("missing", line.has("missing") ? line.get("missing") : Json.MAPPER.createArrayNode());
        copy(measure, o, "confirm", "basis", "validFrom", "validTo", "validToBasis", "docStatus");
        if (line.has("alsoBasedOn")) o.set("alsoBasedOn", line.get("alsoBasedOn"));
        return o;
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) if (from.has(f)) to.set(f, from.get(f));
    }

    /**
     * The full entitlement without reasons and the amount's Chinese working (both rendered per enterprise for people:
     * `match --explain` shows them), alsoBasedOn reduced to ids.
     */
    private static ObjectNode withoutReasons(ObjectNode e) {
        ObjectNode o = e.deepCopy();
        o.remove("reasons");
        o.remove("amountWorking");
        if (o.has("alsoBasedOn")) {
            ArrayNode ids = Json.MAPPER.createArrayNode();
            for (JsonNode a : o.get("alsoBasedOn")) ids.add(a.get("measureId"));
            o.set("alsoBasedOn", ids);
        }
        return o;
    }

    @Test
    void pushReadsTheRegistryContractAsItReadsTheFullOne() throws Exception {
        Path in = Registries.write(dir, "r.jsonl", Registries.lines(600, 17, BatchRunner.Format.JSONL));
        LocalDate asOf = LocalDate.of(2022, 6, 30);
        RuleEngine engine = RuleEngine.bundledForBatch(asOf, ResultAssembler.Selection.ENTITLEMENTS);
        Path full = dir.resolve("full.jsonl"), reg = dir.resolve("reg.jsonl");
        run(engine, in, full, asOf, Contract.FULL, RiskAreas.none());
        run(engine, in, reg, asOf, Contract.REGISTRY, RiskAreas.none());
        // the registry output is read with its own measures file even when the loaded catalogue lacks them
        ResultLines fromFull = new ResultLines(new Catalogue(engine.catalogue()));
        ResultLines fromReg = ResultLines.of(new Catalogue(List.of()), reg);
        List<String> a = Files.readAllLines(full), b = Files.readAllLines(reg);
        for (int i = 0; i < a.size(); i++) {
            PushRecord x = fromFull.map(a.get(i)), y = fromReg.map(b.get(i));
            assertThat(y).as("line %d", i + 1).isEqualTo(new PushRecord(x.uscc(), x.name(), y.regionCode(), x.scale(), x.smallLowProfit(), x.asOf(), x.items()));
            if (x.regionCode() != null) assertThat(y.regionCode()).isEqualTo(x.regionCode());
        }
    }

    @Test
    void csvRowsAreTheJsonLinesEntitlements() throws Exception {
        Path in = Registries.write(dir, "r.jsonl", Registries.lines(400, 19, BatchRunner.Format.JSONL));
        LocalDate asOf = LocalDate.of(2022, 6, 30);
        RuleEngine engine = RuleEngine.bundledForBatch(asOf, ResultAssembler.Selection.ENTITLEMENTS);
        Path json = dir.resolve("reg.jsonl"), csv = dir.resolve("reg.csv");
        run(engine, in, json, asOf, Contract.REGISTRY, RiskAreas.none());
        run(engine, in, csv, asOf, Contract.REGISTRY, RiskAreas.none());
        assertThat(Files.readString(MeasuresFile.beside(csv))).isEqualTo(Files.readString(MeasuresFile.beside(json)).replace("\"reg.jsonl\"", "\"reg.csv\""));
        List<String> ids = new ArrayList<>();
        for (String l : Files.readAllLines(json)) {
            JsonNode r = Json.MAPPER.readTree(l);
            if (r.get("entitlements").isEmpty()) ids.add(r.get("uscc").asText() + ",");
            for (JsonNode e : r.get("entitlements")) ids.add(r.get("uscc").asText() + "," + e.get("measureId").asText());
        }
        List<String> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(String.join(",", RegistryFormat.CSV_COLUMNS));
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",", -1);
            rows.add(cells[0] + "," + cells[5]);
        }
        assertThat(rows).isEqualTo(ids);
    }

    @Test
    void theNetworkOfTheDayWritesWhatTheWholeTreeWrites() throws Exception {
        Path in = Registries.write(dir, "r.jsonl", Registries.lines(800, 23, BatchRunner.Format.JSONL));
        RuleEngine whole = RuleEngine.bundledForBatch();
        for (LocalDate asOf : List.of(LocalDate.of(2022, 6, 30), LocalDate.of(2023, 1, 1))) {
            Path a = dir.resolve("whole.jsonl"), b = dir.resolve("day.jsonl");
            run(whole, in, a, asOf, Contract.FULL, RiskAreas.none());
            run(RuleEngine.bundledForBatch(asOf, ResultAssembler.Selection.ENTITLEMENTS), in, b, asOf, Contract.FULL, RiskAreas.none());
            assertThat(Files.mismatch(a, b)).as("as of %s", asOf).isEqualTo(-1L);
        }
    }
}
