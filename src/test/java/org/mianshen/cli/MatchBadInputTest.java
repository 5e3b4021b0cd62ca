package org.mianshen.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input exits 2 with one message naming the field, the value and what is expected; stdout stays empty. */
class MatchBadInputTest {
    @TempDir Path dir;

    private static final String GOOD = "\"uscc\":\"91530102MA6K00006F\",\"regionCode\":\"530102\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | {"uscc": "91530102MA6K00006F",                       | malformed JSON
            wrong check character     | {"uscc": "91530102MA6K00006X"}                        | uscc: 91530102MA6K00006X
            wrong length              | {"uscc": "91530102MA6K0006F"}                         | uscc: 91530102MA6K0006F
            lower-case code           | {"uscc": "91530102ma6k00006f"}                        | uscc
            missing uscc              | {"name": "x"}                                         | uscc: missing
            unknown enum value        | {GOOD, "vatTaxpayer": "TINY"}                         | vatTaxpayer: TINY — expected one of [SMALL_SCALE, GENERAL]
            negative count            | {GOOD, "employees": -3}                               | employees: -3 — expected a number ≥ 0
            negative amount in a list | {GOOD, "premises": [{"monthlyRentYuan": -1}]}         | premises[0].monthlyRentYuan: -1
            wrong type                | {GOOD, "employees": "eight"}                          | employees
            number as string          | {GOOD, "regionCode": 530102}                          | regionCode
            impossible date           | {GOOD, "establishedOn": "2022-02-30"}                 | establishedOn: 2022-02-30 — expected a real date yyyy-mm-dd
            bad region code           | {"uscc":"91530102MA6K00006F", "regionCode": "53"}     | regionCode: 53
            bad industry code         | {GOOD, "industryCode": "99X"}                         | industryCode: 99X
            layoff rate above 1       | {GOOD, "layoffRate": 5.5}                             | layoffRate: 5.5
            """)
    void badInputExitsTwo(String what, String json, String expectedMessage) throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, json.replace("GOOD", GOOD));
        CliRun r = CliRun.of("match", f.toString(), "--as-of", "2022-06-30");
        assertThat(r.exit()).as(what + ": " + r.err()).isEqualTo(2);
        assertThat(r.out()).as("nothing on stdout").isEmpty();
        assertThat(r.err()).contains(expectedMessage);
        assertThat(r.err().strip().lines().count()).as("one clear message").isEqualTo(1);
    }

    @Test
    void missingFileExitsTwo() {
        CliRun r = CliRun.of("match", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("file not found");
    }

    @Test
    void impossibleAsOfDateExitsTwo() throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, "{" + GOOD + "}");
        CliRun r = CliRun.of("match", f.toString(), "--as-of", "2022-13-01");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--as-of");
    }

    @Test
    void unknownFieldIsReportedAsWarning() throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, "{" + GOOD + ", \"employes\": 5}");
        CliRun r = CliRun.of("match", f.toString(), "--as-of", "2022-06-30", "--format", "json");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("unknown field 'employes' ignored");
    }
}
