package org.mianshen.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskAreasTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private RiskAreas sample() throws IOException {
        return RiskAreas.load(write("risk.csv", """
                regionCode,level,from,to
                # 获嘉县, April 2022
                410724,HIGH,2022-04-01,2022-04-20

                1402,MEDIUM,2021-12-31,2022-01-01
                53,MEDIUM,2020-06-01,2020-06-30
                """));
    }

    @Test
    void countyDesignation() throws IOException {
        RiskAreas r = sample();
        assertThat(r.loaded()).isTrue();
        assertThat(r.designations()).hasSize(3);
        assertThat(r.countyDesignatedIn("410724", 2022)).isTrue();
        assertThat(r.countyDesignatedIn("410724", 2021)).isFalse();
        assertThat(r.countyDesignatedIn("410724", 2023)).isFalse();
        assertThat(r.countyDesignatedIn("410702", 2022)).isFalse(); // sibling county: not the county itself
        assertThat(r.countyDesignatedIn("420102", 2022)).isFalse();
    }

    @Test
    void prefectureDesignationIncludesSiblingCounties() throws IOException {
        RiskAreas r = sample();
        assertThat(r.prefectureDesignatedIn("410702", 2022)).isTrue();
        assertThat(r.prefectureDesignatedIn("410724", 2022)).isTrue();
        assertThat(r.prefectureDesignatedIn("410702", 2021)).isFalse();
        assertThat(r.prefectureDesignatedIn("410802", 2022)).isFalse(); // 焦作, other prefecture
    }

    @Test
    void yearBoundariesAreInclusive() throws IOException {
        RiskAreas r = sample();
        // 1402 designated 2021-12-31 .. 2022-01-01: touches both years, not 2020 or 2023
        assertThat(r.countyDesignatedIn("140212", 2020)).isFalse();
        assertThat(r.countyDesignatedIn("140212", 2021)).isTrue();
        assertThat(r.countyDesignatedIn("140212", 2022)).isTrue();
        assertThat(r.countyDesignatedIn("140212", 2023)).isFalse();
        assertThat(r.prefectureDesignatedIn("140202", 2021)).isTrue(); // retired code still inside 1402
        assertThat(r.prefectureDesignatedIn("140202", 2023)).isFalse();
    }

    @Test
    void provinceDesignationCoversCountiesAndPrefectures() throws IOException {
        RiskAreas r = sample();
        assertThat(r.countyDesignatedIn("530102", 2020)).isTrue();
        assertThat(r.prefectureDesignatedIn("533401", 2020)).isTrue();
        assertThat(r.countyDesignatedIn("530102", 2019)).isFalse();
        assertThat(r.countyDesignatedIn("520102", 2020)).isFalse();
    }

    @Test
    void noneMeansUnknownNeverFalse() {
        RiskAreas none = RiskAreas.none();
        assertThat(none.loaded()).isFalse();
        assertThat(none.countyDesignatedIn("410724", 2022)).isNull();
        assertThat(none.prefectureDesignatedIn("410724", 2022)).isNull();
        assertThat(none.countyDesignatedIn(null, 2022)).isNull();
        assertThat(none.designations()).isEmpty();
    }

    @Test
    void headerOnlyFileIsLoadedAndFalse() throws IOException {
        RiskAreas r = RiskAreas.load(write("empty.csv", "\uFEFFregionCode,level,from,to\n"));
        assertThat(r.loaded()).isTrue();
        assertThat(r.countyDesignatedIn("410724", 2022)).isFalse();
        assertThat(r.prefectureDesignatedIn("410724", 2022)).isFalse();
    }

    @Test
    void nullCountyIsFalseOnlyWhenNothingOverlapsTheYear() throws IOException {
        RiskAreas r = sample();
        assertThat(r.countyDesignatedIn(null, 2022)).isNull();
        assertThat(r.prefectureDesignatedIn(null, 2020)).isNull();
        assertThat(r.countyDesignatedIn(null, 2019)).isFalse();
        assertThat(r.prefectureDesignatedIn(null, 2023)).isFalse();
    }

    @Test
    void badCountyArgument() throws IOException {
        RiskAreas r = sample();
        assertThatThrownBy(() -> r.countyDesignatedIn("4107", 2022)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.prefectureDesignatedIn("41072x", 2022))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badRowsReportFileAndLine() throws IOException {
        assertBad("regionCode,level,from,to\n410724,LOW,2022-01-01,2022-01-02\n", ":2: level must be MEDIUM or HIGH");
        assertBad("regionCode,level,from,to\n\n4107241,HIGH,2022-01-01,2022-01-02\n", ":3: regionCode must be 2, 4 or 6");
        assertBad("regionCode,level,from,to\n410,HIGH,2022-01-01,2022-01-02\n", ":2: regionCode");
        assertBad("regionCode,level,from,to\n410724,HIGH,2022-13-01,2022-01-02\n", ":2: from must be an ISO date");
        assertBad("regionCode,level,from,to\n410724,HIGH,2022-01-01,22/01/02\n", ":2: to must be an ISO date");
        assertBad("regionCode,level,from,to\n410724,HIGH,2022-01-02,2022-01-01\n", ":2: to 2022-01-01 is before from");
        assertBad("regionCode,level,from,to\n410724,HIGH,2022-01-01\n", ":2: expected 4 fields");
        assertBad("regionCode,level,from,to\n410724,high,2022-01-01,2022-01-02\n", ":2: level");
        assertBad("code,level,from,to\n410724,HIGH,2022-01-01,2022-01-02\n", ":1: header");
        assertBad("", ":1: header");
    }

    private void assertBad(String content, String fragment) throws IOException {
        Path p = write("bad.csv", content);
        assertThatThrownBy(() -> RiskAreas.load(p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(p.toString() + ":")
                .hasMessageContaining(fragment);
    }

    @Test
    void quotedFieldsAndCrLfAreAccepted() throws IOException {
        RiskAreas r = RiskAreas.load(write("q.csv", "regionCode,level,from,to\r\n\"410724\",\"HIGH\",2022-04-01,2022-04-20\r\n"));
        assertThat(r.countyDesignatedIn("410724", 2022)).isTrue();
    }
}
