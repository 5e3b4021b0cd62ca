package org.mianshen.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mianshen.model.EntityType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Codes from ../shared/reference/uscc-examples.txt (sections A and B), plus structural cases. */
class UsccTest {

    static final String HUOJIA = "91410724MA44GY2P5W";

    @ParameterizedTest
    @ValueSource(strings = {
            "914403001922038216", "91440300708461136T", "91110108551385082Q", "91110000802100433B",
            "91100000100003962T", "911000001000013428", "911100001000044477", "91130600738737199K",
            HUOJIA, "91350100M000100Y43", "91310115591693856A", "91310110666007217T",
            "91341000MA2N0ABGXX", "91110000600037341L"})
    void validExamplesFromReferenceFile(String code) {
        assertThat(Uscc.problem(code)).isNull();
        assertThat(Uscc.isValid(code)).isTrue();
        // the generator reproduces both check characters
        assertThat(Uscc.withCheckCharacters(code.substring(0, 16))).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "91110000800088421P | position 18 should be 'W'",
            "9133010057462616XH | position 18 should be '9'",
            "91110108717809965C | position 18 should be 'J'",
            "91110000100003962T | position 18 should be 'Y'",
            "911100001000013428 | position 18 should be 'C'",
            "91350200M000000510 | position 18 should be 'D'",
            "91100000100003962A | position 18 should be 'T'"})
    void invalidExamplesFromReferenceFile(String code, String expected) {
        assertThat(Uscc.problem(code)).contains(expected).contains("GB 32100").contains("校验码");
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @Test
    void innerGb11714CheckIsReported() {
        // the file notes the 阿里云 mock code also has a wrong 17th character
        assertThat(Uscc.problem("9133010057462616XH"))
                .contains("GB 11714 organisation-code check character at position 17 should be '8', got 'X'");
        // 17th wrong but 18th recomputed to match: only the inner check fails
        String first17 = "91410724MA44GY2P" + "6";
        String code = first17 + Uscc.usccCheckChar(first17);
        assertThat(Uscc.problem(code)).startsWith("GB 11714").contains("position 17 should be '5'")
                .doesNotContain("position 18");
    }

    @Test
    void workedExampleXiaomi() {
        assertThat(Uscc.usccCheckChar("91110108551385082")).isEqualTo('Q');
        assertThat(Uscc.orgCheckChar("55138508")).isEqualTo('2');
    }

    @Test
    void huojiaFixture() {
        assertThat(Uscc.problem(HUOJIA)).isNull();
        assertThat(Uscc.entityType(HUOJIA)).isEqualTo(EntityType.ENTERPRISE);
        assertThat(Uscc.registrationRegion(HUOJIA)).isEqualTo("410724");
        assertThat(Regions.resolve(Uscc.registrationRegion(HUOJIA)).countyName()).isEqualTo("获嘉县");
    }

    @Test
    void lowercaseIsRejectedAndSaysSo() {
        assertThat(Uscc.problem("91410724ma44gy2p5w"))
                .contains("position 9 'm'").contains("lower-case").contains("小写");
        assertThat(Uscc.problem("91410724MA44GY2P5w")).contains("position 18 'w'").contains("lower-case");
    }

    @Test
    void lengthProblems() {
        assertThat(Uscc.problem(null)).contains("missing");
        assertThat(Uscc.problem("")).contains("length must be 18, got 0");
        assertThat(Uscc.problem(HUOJIA.substring(0, 17))).contains("length must be 18, got 17").contains("长度");
        assertThat(Uscc.problem(HUOJIA + "0")).contains("length must be 18, got 19");
        assertThat(Uscc.problem(" " + HUOJIA)).contains("got 19").contains("whitespace");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', '-', '*'})
    void charactersOutsideThe31Set(char bad) {
        String code = HUOJIA.substring(0, 10) + bad + HUOJIA.substring(11);
        assertThat(Uscc.problem(code))
                .isEqualTo("character at position 11 '" + bad + "' is not in the 31-character set "
                        + "0-9 A-H J-N P-R T U W-Y / 第11位字符'" + bad + "'不在31个允许字符内 (不含 I O S V Z)");
    }

    @Test
    void fullWidthCharacterIsOutsideTheSet() {
        assertThat(Uscc.problem("９1410724MA44GY2P5W")).contains("position 1 '９'").contains("31-character set");
    }

    @Test
    void regionPositionsMustBeDigits() {
        assertThat(Uscc.problem("91A10724MA44GY2P5W")).contains("positions 3-8").contains("'A10724'");
    }

    @Test
    void entityTypeFromFirstTwoPositions() {
        assertThat(Uscc.entityType("91350100M000100Y43")).isEqualTo(EntityType.ENTERPRISE);
        String ind = Uscc.withCheckCharacters("92410724MA44GY2P");
        String coop = Uscc.withCheckCharacters("93410724MA44GY2P");
        assertThat(Uscc.problem(ind)).isNull();
        assertThat(Uscc.problem(coop)).isNull();
        assertThat(Uscc.entityType(ind)).isEqualTo(EntityType.INDIVIDUAL_BUSINESS);
        assertThat(Uscc.entityType(coop)).isEqualTo(EntityType.FARMER_COOPERATIVE);
        assertThat(Uscc.entityType(Uscc.withCheckCharacters("12410724MA44GY2P"))).isEqualTo(EntityType.PUBLIC_INSTITUTION); // 事业单位
        assertThat(Uscc.entityType("94410724MA44GY2P5W")).isNull();
        assertThat(Uscc.entityType("9")).isNull();
        assertThat(Uscc.entityType(null)).isNull();
    }

    @Test
    void registrationRegion() {
        assertThat(Uscc.registrationRegion("91100000100003962T")).isEqualTo("100000"); // national registration
        assertThat(Uscc.registrationRegion("91110108551385082Q")).isEqualTo("110108");
        assertThat(Uscc.registrationRegion("9141072")).isNull();
        assertThat(Uscc.registrationRegion("91A10724MA44GY2P5W")).isNull();
        assertThat(Uscc.registrationRegion(null)).isNull();
    }

    @Test
    void withCheckCharactersHandlesXAndZeroInnerChecks() {
        // 17th 'X' (r = 10) as in 91341000MA2N0ABGXX
        assertThat(Uscc.withCheckCharacters("91341000MA2N0ABG")).isEqualTo("91341000MA2N0ABGXX");
        // 17th '0' (r = 11): body with weighted sum ≡ 0 mod 11, e.g. all zeros
        String zero = Uscc.withCheckCharacters("9141072400000000");
        assertThat(zero.charAt(16)).isEqualTo('0');
        assertThat(Uscc.problem(zero)).isNull();
    }

    @Test
    void withCheckCharactersRejectsBadInput() {
        assertThatThrownBy(() -> Uscc.withCheckCharacters("91410724MA44GY2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.withCheckCharacters(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.withCheckCharacters("91410724MA44GY2I"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 16");
        assertThatThrownBy(() -> Uscc.withCheckCharacters("91410724ma44gy2p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.withCheckCharacters("914A0724MA44GY2P"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positions 3-8");
    }
}
