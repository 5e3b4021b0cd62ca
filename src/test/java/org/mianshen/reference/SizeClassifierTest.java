package org.mianshen.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mianshen.model.Scale;
import org.mianshen.reference.SizeClassifier.SizeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mianshen.model.Scale.LARGE;
import static org.mianshen.model.Scale.MEDIUM;
import static org.mianshen.model.Scale.MICRO;
import static org.mianshen.model.Scale.SMALL;

/**
 * Boundary tests against the 300号 table as printed in policy-and-standards.md §1 (encoded here independently of
 * the JSON). Indicators: E = 从业人员 (persons), R = 营业收入 (万元), A = 资产总额 (万元).
 */
class SizeClassifierTest {

    private static final long WAN = 10_000L;

    /** code, group id, indicators, bounds per class (large, medium, small) in persons / 万元. */
    private record Row(String code, String groupId, String inds, long[] large, long[] medium, long[] small) {
    }

    private static final List<Row> TABLE = List.of(
            new Row("A", "AGRI", "R", new long[]{20000}, new long[]{500}, new long[]{50}),
            new Row("C", "INDUSTRY", "ER", new long[]{1000, 40000}, new long[]{300, 2000}, new long[]{20, 300}),
            new Row("3011", "INDUSTRY", "ER", new long[]{1000, 40000}, new long[]{300, 2000}, new long[]{20, 300}),
            new Row("B", "INDUSTRY", "ER", new long[]{1000, 40000}, new long[]{300, 2000}, new long[]{20, 300}),
            new Row("44", "INDUSTRY", "ER", new long[]{1000, 40000}, new long[]{300, 2000}, new long[]{20, 300}),
            new Row("E", "CONSTRUCTION", "RA", new long[]{80000, 80000}, new long[]{6000, 5000}, new long[]{300, 300}),
            new Row("4710", "CONSTRUCTION", "RA", new long[]{80000, 80000}, new long[]{6000, 5000}, new long[]{300, 300}),
            new Row("51", "WHOLESALE", "ER", new long[]{200, 40000}, new long[]{20, 5000}, new long[]{5, 1000}),
            new Row("52", "RETAIL", "ER", new long[]{300, 20000}, new long[]{50, 500}, new long[]{10, 100}),
            new Row("54", "TRANSPORT", "ER", new long[]{1000, 30000}, new long[]{300, 3000}, new long[]{20, 200}),
            new Row("591", "TRANSPORT", "ER", new long[]{1000, 30000}, new long[]{300, 3000}, new long[]{20, 200}),
            new Row("592", "WAREHOUSING", "ER", new long[]{200, 30000}, new long[]{100, 1000}, new long[]{20, 100}),
            new Row("60", "POSTAL", "ER", new long[]{1000, 30000}, new long[]{300, 2000}, new long[]{20, 100}),
            new Row("61", "ACCOMMODATION", "ER", new long[]{300, 10000}, new long[]{100, 2000}, new long[]{10, 100}),
            new Row("62", "CATERING", "ER", new long[]{300, 10000}, new long[]{100, 2000}, new long[]{10, 100}),
            new Row("64", "INFO_TRANSMISSION", "ER", new long[]{2000, 100000}, new long[]{100, 1000}, new long[]{10, 100}),
            new Row("65", "SOFTWARE_IT", "ER", new long[]{300, 10000}, new long[]{100, 1000}, new long[]{10, 50}),
            new Row("7010", "RE_DEVELOPMENT", "RA", new long[]{200000, 10000}, new long[]{1000, 5000}, new long[]{100, 2000}),
            new Row("701", "RE_DEVELOPMENT", "RA", new long[]{200000, 10000}, new long[]{1000, 5000}, new long[]{100, 2000}),
            new Row("7020", "PROPERTY_MGMT", "ER", new long[]{1000, 5000}, new long[]{300, 1000}, new long[]{100, 500}),
            new Row("L", "LEASING_BUSINESS", "EA", new long[]{300, 120000}, new long[]{100, 8000}, new long[]{10, 100}),
            new Row("7291", "LEASING_BUSINESS", "EA", new long[]{300, 120000}, new long[]{100, 8000}, new long[]{10, 100}),
            new Row("M", "OTHER", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("85", "OTHER", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("R", "OTHER", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("703", "OTHER", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("7090", "OTHER", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("J", "UNLISTED", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("P", "UNLISTED", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("84", "UNLISTED", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("S", "UNLISTED", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("T", "UNLISTED", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("53", "UNLISTED", "E", new long[]{300}, new long[]{100}, new long[]{10}),
            new Row("704", "UNLISTED", "E", new long[]{300}, new long[]{100}, new long[]{10}));

    /**
     * For every row and class: all indicators exactly at the bound → that class; each indicator one unit (1 person or
     * 1 yuan) below the bound, the others at the bound → the next class down (微型 below 小型). Indicators the industry
     * does not use are passed as null and must not be reported missing.
     */
    static Stream<Arguments> boundaryCases() {
        List<Arguments> out = new ArrayList<>();
        Scale[] classes = {LARGE, MEDIUM, SMALL};
        Scale[] below = {MEDIUM, SMALL, MICRO};
        for (Row row : TABLE) {
            long[][] b = {row.large(), row.medium(), row.small()};
            for (int c = 0; c < 3; c++) {
                out.add(Arguments.of(row.code(), row.groupId(), values(row.inds(), b[c], -1), classes[c]));
                for (int i = 0; i < row.inds().length(); i++) {
                    out.add(Arguments.of(row.code(), row.groupId(), values(row.inds(), b[c], i), below[c]));
                }
            }
        }
        return out.stream();
    }

    /** {employees, revenueYuan, assetsYuan} with the indicator at index `lower` one unit below its bound. */
    private static Long[] values(String inds, long[] bounds, int lower) {
        Long[] v = new Long[3];
        for (int i = 0; i < inds.length(); i++) {
            char ind = inds.charAt(i);
            long x = ind == 'E' ? bounds[i] : bounds[i] * WAN;
            if (i == lower) {
                x -= 1;
            }
            v["ERA".indexOf(ind)] = x;
        }
        return v;
    }

    @ParameterizedTest(name = "{0} {2} → {3}")
    @MethodSource("boundaryCases")
    void bothSidesOfEveryBound(String code, String groupId, Long[] v, Scale expected) {
        SizeResult r = SizeClassifier.classify(code, v[0], v[1], v[2]);
        assertThat(r.scale()).as(r.basis()).isEqualTo(expected);
        assertThat(r.missing()).isEmpty();
        assertThat(r.industryGroupId()).isEqualTo(groupId);
        assertThat(r.basis()).contains("→ " + expected.zh()).doesNotContain("null");
    }

    @Test
    void basisTextExample() {
        SizeResult r = SizeClassifier.classify("C", 25L, 5_000_000L, null);
        assertThat(r.scale()).isEqualTo(SMALL);
        assertThat(r.basis()).startsWith("工业(300号): 从业人员 25 ≥ 20 且 营业收入 500万 ≥ 300万 → 小型");
        assertThat(SizeClassifier.classify("C", 19L, 5_000_000L, null).basis())
                .isEqualTo("工业(300号): 从业人员 19 < 20 → 微型");
        assertThat(SizeClassifier.classify("E", null, 2_999_999L, 2_999_999L).basis())
                .isEqualTo("建筑业(300号): 营业收入 299.9999万 < 300万 或 资产总额 299.9999万 < 300万 → 微型");
    }

    @Test
    void unlistedIndustriesSayWhatTheyDo() {
        SizeResult fin = SizeClassifier.classify("66", 5L, 999_999_999_999L, 999_999_999_999L);
        assertThat(fin.scale()).isEqualTo(MICRO);
        assertThat(fin.industryGroupId()).isEqualTo(SizeClassifier.UNLISTED);
        assertThat(fin.basis()).contains("300号未列入").contains("其他未列明").contains("从业人员")
                .contains("银发〔2015〕309号");
        SizeResult edu = SizeClassifier.classify("8310", 100L, null, null);
        assertThat(edu.scale()).isEqualTo(MEDIUM);
        assertThat(edu.basis()).contains("300号未列入").doesNotContain("银发");
    }

    @ParameterizedTest
    @CsvSource({
            "05,AGRI", "0511,AGRI", "43,INDUSTRY", "D,INDUSTRY", "47,CONSTRUCTION", "50,CONSTRUCTION",
            "55,TRANSPORT", "58,TRANSPORT", "5910,TRANSPORT", "593,WAREHOUSING", "599,WAREHOUSING", "5990,WAREHOUSING",
            "63,INFO_TRANSMISSION", "6510,SOFTWARE_IT", "702,PROPERTY_MGMT", "709,OTHER", "7030,OTHER",
            "704,UNLISTED", "7040,UNLISTED", "53,UNLISTED", "5311,UNLISTED", "66,UNLISTED", "J,UNLISTED",
            "83,UNLISTED", "91,UNLISTED", "97,UNLISTED", "72,LEASING_BUSINESS", "73,OTHER", "N,OTHER", "O,OTHER",
            "86,OTHER", "90,OTHER", "9030,OTHER", "786,OTHER"})
    void industryScope(String code, String groupId) {
        assertThat(SizeClassifier.classify(code, 1L, 1L, 1L).industryGroupId()).isEqualTo(groupId);
    }

    // --- missing data: exact three-valued reasoning ---

    @Test
    void oneKnownIndicatorBelowSmallForcesMicro() {
        assertResult(SizeClassifier.classify("C", 19L, null, null), MICRO);
        assertResult(SizeClassifier.classify("C", null, 2_999_999L, null), MICRO);
        assertResult(SizeClassifier.classify("E", null, null, 2_999_999L), MICRO);
        assertResult(SizeClassifier.classify("7010", 999L, 999_999L, null), MICRO);
        assertResult(SizeClassifier.classify("L", 9L, null, null), MICRO);
    }

    @Test
    void knownIndicatorsPassingButOthersMissingIsUndecided() {
        assertUndecided(SizeClassifier.classify("C", 20L, null, null), "operatingRevenueYuan");
        assertUndecided(SizeClassifier.classify("C", 5000L, null, 0L), "operatingRevenueYuan");
        assertUndecided(SizeClassifier.classify("C", null, null, null), "employees", "operatingRevenueYuan");
        assertUndecided(SizeClassifier.classify("E", 5L, 3_000_000L, null), "totalAssetsYuan");
        assertUndecided(SizeClassifier.classify("7010", null, 1_000_000L, null), "totalAssetsYuan");
        assertUndecided(SizeClassifier.classify("L", null, 0L, 1_000_000L), "employees");
        assertUndecided(SizeClassifier.classify("M", null, 1L, 1L), "employees");
        assertUndecided(SizeClassifier.classify("66", null, 1L, 1L), "employees");
        SizeResult r = SizeClassifier.classify("C", 25L, null, null);
        assertThat(r.basis()).contains("缺少营业收入").contains("从业人员 25 ≥ 20");
        assertThat(r.industryGroupId()).isEqualTo("INDUSTRY");
    }

    @Test
    void missingIndicatorNotUsedByTheIndustryIsIrrelevant() {
        assertResult(SizeClassifier.classify("52", 10L, 1_000_000L, null), SMALL);
        assertResult(SizeClassifier.classify("M", 300L, null, null), LARGE);
        assertResult(SizeClassifier.classify("A", null, 200_000_000L, null), LARGE);
    }

    @Test
    void coarseCodeDecidedWhenAllCandidatesAgree() {
        // F = 批发 or 零售: 3 persons is 微型 in both
        SizeResult f = SizeClassifier.classify("F", 3L, null, null);
        assertResult(f, MICRO);
        assertThat(f.industryGroupId()).isNull();
        // 59 = 装卸搬运(交通运输) or 仓储: 25 persons + 200万 is 小型 in both
        assertResult(SizeClassifier.classify("59", 25L, 2_000_000L, null), SMALL);
        // Q = 卫生 84 (unlisted) or 社会工作 85 (其他未列明): same bounds
        assertResult(SizeClassifier.classify("Q", 100L, null, null), MEDIUM);
    }

    @Test
    void coarseCodeUndecidedWhenCandidatesDisagree() {
        // 8 persons, 1000万: 批发 小型 (≥5, ≥1000万) but 零售 微型 (<10)
        SizeResult f = SizeClassifier.classify("F", 8L, 10_000_000L, null);
        assertUndecided(f, "industryCode");
        assertThat(f.basis()).contains("不足以确定").contains("批发业→小型").contains("零售业→微型");
        // 70: 房地产开发经营 needs revenue + assets
        assertUndecided(SizeClassifier.classify("70", 5L, null, null),
                "industryCode", "operatingRevenueYuan", "totalAssetsYuan");
    }

    @Test
    void nullOrInvalidIndustryCode() {
        assertResult(SizeClassifier.classify(null, 0L, 0L, 0L), MICRO);
        assertUndecided(SizeClassifier.classify(null, 25L, null, null),
                "industryCode", "operatingRevenueYuan", "totalAssetsYuan");
        SizeResult zz = SizeClassifier.classify("ZZ", 1L, 1L, 1L);
        assertResult(zz, MICRO);
        assertThat(zz.basis()).contains("无效");
        // every industry would be 大型 with these values, so even an invalid code decides
        assertResult(SizeClassifier.classify("12a", 5000L, 5_000_000_000L, 5_000_000_000L), LARGE);
        assertUndecided(SizeClassifier.classify("12a", 5000L, null, null),
                "industryCode", "operatingRevenueYuan", "totalAssetsYuan");
    }

    @Test
    void hugeValuesDoNotOverflow() {
        assertResult(SizeClassifier.classify("C", Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE), LARGE);
    }

    @Test
    void missingListIsImmutable() {
        SizeResult r = SizeClassifier.classify("C", null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.missing().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertResult(SizeResult r, Scale expected) {
        assertThat(r.scale()).as(r.basis()).isEqualTo(expected);
        assertThat(r.missing()).isEmpty();
    }

    private static void assertUndecided(SizeResult r, String... missing) {
        assertThat(r.scale()).as(r.basis()).isNull();
        assertThat(r.missing()).containsExactly(missing);
    }
}
