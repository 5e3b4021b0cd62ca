package org.mianshen.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mianshen.io.InputError;
import org.mianshen.io.ProfileReader;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Grant;
import org.mianshen.reference.RiskAreas;
import org.mianshen.reference.Uscc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the {@code .cases.yaml} files that sit beside the rules. Format:
 * <pre>
 * defaults:                    # merged under every case (objects deep-merged, lists replaced)
 *   asOf: 2022-06-30
 *   profile: { regionCode: "530102", industryCode: "6210" }
 * cases:
 *   - name: 小微餐饮 承租国有房屋
 *     profile: { employees: 8, premises: [{ownership: STATE, monthlyRentYuan: 20000}] }
 *     riskAreas: ["530102,HIGH,2022-04-01,2022-04-20"]   # optional, rows of the --risk-areas CSV
 *     eligible: [yunnan-rent-waiver-3m]                   # must come out ELIGIBLE
 *     needsInfo: [yunnan-rent-waiver-6m-risk-county]      # must come out NEEDS_INFO
 *     notFired: [some-other-measure]                      # must not fire at all
 *     amounts: { yunnan-rent-waiver-3m: 60000 }
 *     missing: { yunnan-rent-waiver-6m-risk-county: [riskAreas] }
 *     amountMissing: { some-measure: [socialInsurancePayrollYuan] }   # amount null for want of these facts
 *     amountPeriod: { yunnan-rent-waiver-3m: ONE_OFF }
 *     working: { yunnan-rent-waiver-3m: "× 3个月" }                   # the working contains this text
 * </pre>
 * A profile without {@code uscc} gets a valid code built from its region and entity type.
 */
public final class CaseRunner {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final RuleEngine engine;
    private final ProfileReader reader = new ProfileReader();

    public CaseRunner(RuleEngine engine) { this.engine = engine; }

    /** One case's outcome; {@code failures} empty = passed. */
    public record Result(String file, String name, List<String> failures) {
        public boolean passed() { return failures.isEmpty(); }
    }

    /** A cases file: display path and YAML text. */
    public record CaseFile(String path, String text) {}

    public List<Result> run(List<CaseFile> files) {
        List<Result> out = new ArrayList<>();
        try (Matcher matcher = engine.newMatcher()) {
            for (CaseFile f : files) out.addAll(run(f, matcher));
        }
        return out;
    }

    List<Result> run(CaseFile file, Matcher matcher) {
        List<Result> out = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(file.text());
        } catch (IOException e) {
            out.add(new Result(file.path(), "(file)", List.of("cannot parse YAML: " + e.getMessage().split("\n")[0])));
            return out;
        }
        if (root == null || !root.path("cases").isArray()) {
            out.add(new Result(file.path(), "(file)", List.of("no 'cases:' list")));
            return out;
        }
        JsonNode defaults = root.path("defaults");
        int i = 0;
        for (JsonNode c : root.path("cases")) {
            i++;
            String name = c.path("name").asText("case " + i);
            out.add(new Result(file.path(), name, check(defaults, c, matcher)));
        }
        return out;
    }

    private List<String> check(JsonNode defaults, JsonNode c, Matcher matcher) {
        List<String> failures = new ArrayList<>();
        ObjectNode profile = YAML.createObjectNode();
        merge(profile, defaults.path("profile"));
        merge(profile, c.path("profile"));
        if (!profile.hasNonNull("uscc")) profile.put("uscc", syntheticUscc(profile));
        String asOfText = c.path("asOf").asText(defaults.path("asOf").asText(null));
        if (asOfText == null) return List.of("no asOf (give it in the case or in defaults)");
        LocalDate asOf = LocalDate.parse(asOfText);
        RiskAreas risk;
        try {
            risk = riskAreas(c.has("riskAreas") ? c.path("riskAreas") : defaults.path("riskAreas"));
        } catch (IOException e) {
            return List.of("riskAreas: " + e.getMessage());
        }
        Enterprise e;
        try {
            e = new Deriver(asOf, risk).derive(reader.read(profile).profile());
        } catch (InputError err) {
            return List.of("profile is invalid: " + err.getMessage());
        }
        matcher.match(e);

        for (String id : ids(c.path("eligible"))) expectStatus(failures, e, id, Grant.Status.ELIGIBLE);
        for (String id : ids(c.path("needsInfo"))) expectStatus(failures, e, id, Grant.Status.NEEDS_INFO);
        for (String id : ids(c.path("notFired"))) {
            unknownId(failures, id);
            Grant g = find(e, id);
            if (g != null) failures.add(id + ": expected not to fire, was " + g.status() + describe(g));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("amounts").fields(); it.hasNext(); ) {
            var en = it.next();
            Grant g = find(e, en.getKey());
            Long expected = en.getValue().isNull() ? null : en.getValue().asLong();
            Long actual = g == null ? null : g.amountYuan;
            if (g == null) failures.add(en.getKey() + ": expected amount " + expected + ", but the measure did not fire");
            else if (!java.util.Objects.equals(expected, actual))
                failures.add(en.getKey() + ": expected amountYuan " + expected + ", was " + actual);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("missing").fields(); it.hasNext(); ) {
            var en = it.next();
            Grant g = find(e, en.getKey());
            List<String> expected = ids(en.getValue());
            if (g == null) failures.add(en.getKey() + ": expected missing " + expected + ", but the measure did not fire");
            else if (!new java.util.HashSet<>(g.missing).equals(new java.util.HashSet<>(expected)))
                failures.add(en.getKey() + ": expected missing " + expected + ", was " + g.missing);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("amountMissing").fields(); it.hasNext(); ) {
            var en = it.next();
            Grant g = find(e, en.getKey());
            List<String> expected = ids(en.getValue());
            if (g == null) failures.add(en.getKey() + ": expected amountMissing " + expected + ", but the measure did not fire");
            else if (!new java.util.HashSet<>(g.amountMissing).equals(new java.util.HashSet<>(expected)))
                failures.add(en.getKey() + ": expected amountMissing " + expected + ", was " + g.amountMissing);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("amountPeriod").fields(); it.hasNext(); ) {
            var en = it.next();
            Grant g = find(e, en.getKey());
            String actual = g == null || g.amountPeriod == null ? null : g.amountPeriod.name();
            if (g == null) failures.add(en.getKey() + ": expected amountPeriod " + en.getValue().asText() + ", but the measure did not fire");
            else if (!en.getValue().asText().equals(actual))
                failures.add(en.getKey() + ": expected amountPeriod " + en.getValue().asText() + ", was " + actual);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("working").fields(); it.hasNext(); ) {
            var en = it.next();
            Grant g = find(e, en.getKey());
            if (g == null) failures.add(en.getKey() + ": expected a working, but the measure did not fire");
            else if (g.amountWorking == null || !g.amountWorking.contains(en.getValue().asText()))
                failures.add(en.getKey() + ": expected the working to contain \"" + en.getValue().asText() + "\", was " + g.amountWorking);
        }
        if (!c.has("eligible") && !c.has("needsInfo") && !c.has("notFired") && !c.has("amounts") && !c.has("amountMissing"))
            failures.add("the case expects nothing (give eligible, needsInfo, notFired or amounts)");
        return failures;
    }

    private void expectStatus(List<String> failures, Enterprise e, String id, Grant.Status status) {
        unknownId(failures, id);
        Grant g = find(e, id);
        if (g == null) failures.add(id + ": expected " + status + ", did not fire" + explainMiss(id, e));
        else if (g.status() != status) failures.add(id + ": expected " + status + ", was " + g.status() + describe(g));
    }

    private void unknownId(List<String> failures, String id) {
        if (engine.measure(id) == null) failures.add(id + ": no rule with this id is loaded");
    }

    private String explainMiss(String id, Enterprise e) {
        var m = engine.measure(id);
        if (m == null) return "";
        if (!m.appliesIn(e.regionForJurisdiction())) return " (outside its jurisdiction '" + m.jurisdiction() + "')";
        if (!m.inForce(e.asOf)) return " (not in force on " + e.asOf + ": " + m.validFrom() + " – " + m.validTo() + ")";
        List<String> failed = new Explainer(engine).failedConditions(m, e);
        return failed.isEmpty() ? "" : " (failed: " + String.join("; ", failed) + ")";
    }

    private static String describe(Grant g) {
        return g.missing.isEmpty() ? "" : " (missing " + g.missing + ")";
    }

    private static Grant find(Enterprise e, String id) {
        for (Grant g : e.hits) if (g.measure.id().equals(id)) return g;
        return null;
    }

    private static List<String> ids(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) for (JsonNode x : n) out.add(x.asText());
        else if (n.isTextual()) out.add(n.asText());
        return out;
    }

    private static void merge(ObjectNode target, JsonNode src) {
        if (!src.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = src.fields(); it.hasNext(); ) {
            var en = it.next();
            JsonNode existing = target.get(en.getKey());
            if (existing instanceof ObjectNode o && en.getValue().isObject()) merge(o, en.getValue());
            else target.set(en.getKey(), en.getValue().deepCopy());
        }
    }

    private static String syntheticUscc(ObjectNode profile) {
        String region = profile.path("regionCode").asText("110108");
        if (!region.matches("\\d{6}")) region = "110108";
        String type = profile.path("entityType").asText("ENTERPRISE");
        String prefix = switch (type) { case "INDIVIDUAL_BUSINESS" -> "92"; case "FARMER_COOPERATIVE" -> "93"; default -> "91"; };
        return Uscc.withCheckCharacters(prefix + region + "MA000001");
    }

    private static RiskAreas riskAreas(JsonNode rows) throws IOException {
        if (!rows.isArray()) return RiskAreas.none();
        Path tmp = Files.createTempFile("risk", ".csv");
        try {
            StringBuilder sb = new StringBuilder("regionCode,level,from,to\n");
            for (JsonNode r : (ArrayNode) rows) sb.append(r.asText()).append('\n');
            Files.writeString(tmp, sb.toString());
            return RiskAreas.load(tmp);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // ---- finding cases files ------------------------------------------------------------------

    /** The cases files of the bundled rule tree. */
    public static List<CaseFile> bundled() {
        try {
            return fromPath(RuleSource.bundledRoot());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled cases: " + e.getMessage(), e);
        }
    }

    /** Every {@code .cases.yaml} at or below the path (a file or a directory). */
    public static List<CaseFile> fromPath(Path root) throws IOException {
        List<CaseFile> out = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            out.add(new CaseFile(root.toString(), Files.readString(root, StandardCharsets.UTF_8)));
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".cases.yaml")).sorted()::iterator) {
                out.add(new CaseFile(root.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
