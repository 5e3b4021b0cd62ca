package org.mianshen.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mianshen.reference.Regions.Region;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {

    @Test
    void wuhua() {
        assertThat(Regions.resolve("530102"))
                .isEqualTo(new Region("530102", "五华区", "5301", "昆明市", "53", "云南省", true));
    }

    @Test
    void huojia() {
        assertThat(Regions.resolve("410724"))
                .isEqualTo(new Region("410724", "获嘉县", "4107", "新乡市", "41", "河南省", true));
    }

    @Test
    void datongXinrong() {
        assertThat(Regions.resolve("140212"))
                .isEqualTo(new Region("140212", "新荣区", "1402", "大同市", "14", "山西省", true));
    }

    @Test
    void retiredDatongChengquStillResolvesFromDigits() {
        assertThat(Regions.resolve("140202"))
                .isEqualTo(new Region("140202", null, "1402", "大同市", "14", "山西省", false));
        assertThat(Regions.resolve("140211").known()).isFalse(); // 南郊区, also abolished 2018
    }

    @Test
    void unknownEverything() {
        assertThat(Regions.resolve("999999"))
                .isEqualTo(new Region("999999", null, "9999", null, "99", null, false));
    }

    @Test
    void unknownPrefectureInKnownProvince() {
        assertThat(Regions.resolve("419901"))
                .isEqualTo(new Region("419901", null, "4199", null, "41", "河南省", false));
    }

    @Test
    void provinceAndPrefectureLevelCodes() {
        assertThat(Regions.resolve("410000"))
                .isEqualTo(new Region("410000", null, null, null, "41", "河南省", true));
        assertThat(Regions.resolve("410700"))
                .isEqualTo(new Region("410700", null, "4107", "新乡市", "41", "河南省", true));
        assertThat(Regions.resolve("419900"))
                .isEqualTo(new Region("419900", null, "4199", null, "41", "河南省", false));
        assertThat(Regions.resolve("990000"))
                .isEqualTo(new Region("990000", null, null, null, "99", null, false));
    }

    @Test
    void nationalRegistrationCodeIsNotAProvince() {
        assertThat(Regions.resolve("100000"))
                .isEqualTo(new Region("100000", null, null, null, "10", null, false));
    }

    @Test
    void statisticalPseudoCodesArePresent() {
        assertThat(Regions.resolve("410771").known()).isTrue();
        assertThat(Regions.resolve("140271").known()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41072", "4107241", "41072a", "４１０７２４", " 410724"})
    void malformedInputResolvesToNull(String code) {
        assertThat(Regions.resolve(code)).isNull();
    }

    @Test
    void nullResolvesToNull() {
        assertThat(Regions.resolve(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "4107", "410724", "410771", "53", "5301", "530102", "1402", "140212", "11", "1101"})
    void validPrefixes(String prefix) {
        assertThat(Regions.isValidPrefix(prefix)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"140202", "999999", "99", "4199", "410000", "410700", "4", "410", "41072", "4107240",
            "41a7", "10", "100000", "71", "5302"})
    void invalidPrefixes(String prefix) {
        assertThat(Regions.isValidPrefix(prefix)).isFalse();
    }

    @Test
    void nullPrefixIsInvalid() {
        assertThat(Regions.isValidPrefix(null)).isFalse();
    }

    @Test
    void yunnanHasTheSixteenPrefecturesListedInTheReference() {
        String[] codes = {"5301", "5303", "5304", "5305", "5306", "5307", "5308", "5309", "5323", "5325", "5326",
                "5328", "5329", "5331", "5333", "5334"};
        int count = 0;
        for (int i = 1; i <= 99; i++) {
            if (Regions.isValidPrefix(String.format("53%02d", i))) {
                count++;
            }
        }
        assertThat(count).isEqualTo(16);
        for (String c : codes) {
            assertThat(Regions.isValidPrefix(c)).as(c).isTrue();
        }
    }

    @Test
    void xinxiangSiblingsFromReference() {
        for (String c : new String[]{"410702", "410703", "410704", "410711", "410721", "410725", "410726", "410727",
                "410781", "410782", "410783"}) {
            assertThat(Regions.resolve(c).known()).as(c).isTrue();
            assertThat(Regions.resolve(c).prefectureName()).isEqualTo("新乡市");
        }
        assertThat(Regions.resolve("410728").known()).isFalse(); // 长垣's pre-2019 code ([K] unverified)
    }
}
