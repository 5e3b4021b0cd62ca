package org.mianshen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;
import org.mianshen.model.Measure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a bureau can sign: tiers, SUPPORT never an entitlement, drafts only on request, lapsed relief not granted. */
class AnswerTiersTest {
    static final String KUNMING = "samples/profiles/yunnan-restaurant-state-premises.json";
    static final String XINXIANG = "samples/profiles/xinxiang-individual-restaurant.json";

    static JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("match"));
        a.addAll(List.of(args));
        a.addAll(List.of("--format", "json"));
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    static Map<String, Measure> catalogue() {
        Map<String, Measure> m = new HashMap<>();
        for (Measure x : RuleEngine.bundled().catalogue()) m.put(x.id(), x);
        return m;
    }

    @Test
    void kunmingRestaurantIn2022GetsItsAutomaticBenefitsFirstAndNoInstructionToBanks() throws Exception {
        JsonNode r = json(KUNMING, "--as-of", "2022-06-30");
        Map<String, Measure> cat = catalogue();
        List<String> ids = new ArrayList<>();
        for (JsonNode e : r.path("entitlements")) {
            ids.add(e.path("measureId").asText());
            assertThat(e.path("delivery").asText()).as(e.path("measureId").asText()).isIn("AUTOMATIC", "ON_APPLICATION");
            assertThat(cat.get(e.path("measureId").asText()).isSupport()).isFalse();
            assertThat(e.has("validToBasis")).isTrue();
            for (JsonNode a : e.path("alsoBasedOn")) assertThat(cat.get(a.path("measureId").asText()).isSupport()).isFalse();
        }
        assertThat(r.has("support")).as("support only on request").isFalse();
        // the three 免申即享 benefits of a small restaurant renting state premises head the answer
        assertThat(ids.subList(0, 3)).contains("yunnan-rent-waiver-3m");
        assertThat(r.path("entitlements").get(0).path("delivery").asText()).isEqualTo("AUTOMATIC");
        List<String> families = new ArrayList<>();
        for (JsonNode e : r.path("entitlements")) if (e.path("delivery").asText().equals("AUTOMATIC")) families.add(e.path("family").asText());
        assertThat(families).contains("state-premises-rent-waiver", "six-taxes-two-fees-halving", "vat-small-scale-exemption");
        assertThat(String.join(" ", ids)).doesNotContain("bond").doesNotContain("fx-").doesNotContain("futures");
    }

    @Test
    void supportMeasuresAreListedApartOnlyWhenAskedFor() throws Exception {
        JsonNode r = json(KUNMING, "--as-of", "2022-06-30", "--include-support");
        Map<String, Measure> cat = catalogue();
        assertThat(r.path("support").size()).isGreaterThan(0);
        for (JsonNode s : r.path("support")) assertThat(cat.get(s.path("measureId").asText()).isSupport()).isTrue();
        CliRun text = CliRun.of("match", KUNMING, "--as-of", "2022-06-30", "--include-support");
        assertThat(text.out()).contains("== 免申即享").contains("== 相关支持措施");
    }

    @Test
    void todayNo2020To2022ReliefIsGranted() throws Exception {
        JsonNode r = json(KUNMING, "--as-of", "2026-12-02");
        for (JsonNode e : r.path("entitlements")) {
            String to = e.path("validTo").asText("");
            assertThat(to.isEmpty() ? "STANDING" : to).as(e.path("measureId").asText())
                    .satisfiesAnyOf(v -> assertThat(v).isEqualTo("STANDING"), v -> assertThat(v.compareTo("2026-12-02")).isGreaterThanOrEqualTo(0));
            if (to.isEmpty()) assertThat(e.path("validToBasis").asText()).isEqualTo("STANDING");
        }
    }

    @Test
    void draftMeasuresOnlyWithIncludeDraftsAndMarked() throws Exception {
        Map<String, Measure> cat = catalogue();
        JsonNode plain = json(XINXIANG, "--as-of", "2022-06-30");
        for (JsonNode e : plain.path("entitlements")) {
            assertThat(cat.get(e.path("measureId").asText()).isDraft()).as(e.path("measureId").asText()).isFalse();
            for (JsonNode a : e.path("alsoBasedOn")) assertThat(cat.get(a.path("measureId").asText()).isDraft()).isFalse();
        }
        JsonNode drafts = json(XINXIANG, "--as-of", "2022-06-30", "--include-drafts");
        int marked = 0;
        for (JsonNode e : drafts.path("entitlements")) {
            boolean draft = cat.get(e.path("measureId").asText()).isDraft();
            assertThat(e.path("docStatus").asText("")).isEqualTo(draft ? "DRAFT" : "");
            if (draft) marked++;
        }
        assertThat(marked).as("the Xinxiang draft's measures show when asked for").isGreaterThan(0);
    }

    @Test
    void anAnswerWithNothingInForceSaysSoAndHowToLookBack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("doc.drl"), CheckCommandTest.HEAD
                + CheckCommandTest.rule("yunnan-rent-waiver-3m", "@validFrom(\"2022-01-01\") @validTo(\"2022-12-31\")", "atMost(employees, 300)"));
        Path profile = dir.resolve("p.json");
        Files.writeString(profile, "{\"uscc\":\"91530102MA6K00006F\",\"regionCode\":\"530102\",\"employees\":8}");
        CliRun today = CliRun.of("match", profile.toString(), "--rules", dir.toString(), "--as-of", "2026-12-02");
        assertThat(today.exit()).as(today.err()).isZero();
        assertThat(today.out()).contains("没有在施行的已载入措施").contains("最晚施行至 2022-12-31").contains("--as-of 2022-12-31");
        CliRun then = CliRun.of("match", profile.toString(), "--rules", dir.toString(), "--as-of", "2022-12-31");
        assertThat(then.out()).doesNotContain("没有在施行").contains("== 免申即享");
    }
}
