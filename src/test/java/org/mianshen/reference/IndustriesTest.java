package org.mianshen.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mianshen.reference.Industries.Industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndustriesTest {

    @Test
    void resolvesEachLevel() {
        assertThat(Industries.resolve("C")).isEqualTo(new Industry("C", 'C', null, null, "制造业"));
        assertThat(Industries.resolve("13")).isEqualTo(new Industry("13", 'C', "13", null, "制造业"));
        assertThat(Industries.resolve("591")).isEqualTo(new Industry("591", 'G', "59", "591", "交通运输、仓储和邮政业"));
        Industry cls = Industries.resolve("7010");
        assertThat(cls).isEqualTo(new Industry("7010", 'K', "70", "701", "房地产业"));
        assertThat(cls.classCode()).isEqualTo("7010");
        assertThat(Industries.resolve("701").classCode()).isNull();
    }

    /** Both ends of every section range, and the neighbours across each boundary. */
    @ParameterizedTest
    @CsvSource({
            "A,01,05", "B,06,12", "C,13,43", "D,44,46", "E,47,50", "F,51,52", "G,53,60", "H,61,62", "I,63,65",
            "J,66,69", "K,70,70", "L,71,72", "M,73,75", "N,76,79", "O,80,82", "P,83,83", "Q,84,85", "R,86,90",
            "S,91,96", "T,97,97"})
    void sectionRanges(char section, String first, String last) {
        assertThat(Industries.resolve(first).section()).isEqualTo(section);
        assertThat(Industries.resolve(last).section()).isEqualTo(section);
        assertThat(Industries.resolve(last + "11").section()).isEqualTo(section);
        int before = Integer.parseInt(first) - 1;
        int after = Integer.parseInt(last) + 1;
        if (before >= 1) {
            assertThat(Industries.resolve(String.format("%02d", before)).section()).isNotEqualTo(section);
        }
        if (after <= 97) {
            assertThat(Industries.resolve(String.format("%02d", after)).section()).isNotEqualTo(section);
        }
        assertThat(Industries.resolve(String.valueOf(section)).section()).isEqualTo(section);
        assertThat(Industries.divisionsOf(section)).startsWith(first).endsWith(last);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "98", "00", "0", "ZZ", "12a", "c", "U", "Z", "", "12345", " 13", "13 ", "１３", "9910"})
    void invalidCodes(String code) {
        assertThat(Industries.resolve(code)).isNull();
    }

    @Test
    void nullCode() {
        assertThat(Industries.resolve(null)).isNull();
    }

    @Test
    void nonExistentGroupsInsideARealDivisionAreAcceptedStructurally() {
        assertThat(Industries.resolve("0199")).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
            "F,true", "G,true", "K,true", "P,true", "T,true", "51,true", "97,true", "7010,true",
            "D,false", "E,false", "44,false", "50,false",
            "01,false", "04,false", "05,true", "0511,true", "06,false", "10,false", "11,true", "1120,true",
            "12,false", "13,false", "42,false", "43,true", "4320,true"})
    void serviceIndustry(String code, boolean expected) {
        assertThat(Industries.serviceIndustry(Industries.resolve(code))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "C"})
    void serviceIndustryUndecidableForSectionOnlyAbc(String section) {
        assertThat(Industries.serviceIndustry(Industries.resolve(section))).isNull();
    }

    @Test
    void serviceIndustryOfNullIsNull() {
        assertThat(Industries.serviceIndustry(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"C,true", "13,true", "43,true", "3011,true", "B,false", "12,false", "44,false", "D,false",
            "A,false", "F,false"})
    void manufacturing(String code, boolean expected) {
        assertThat(Industries.manufacturing(Industries.resolve(code))).isEqualTo(expected);
    }

    @Test
    void manufacturingOfNullThrows() {
        assertThatThrownBy(() -> Industries.manufacturing(null)).isInstanceOf(NullPointerException.class);
    }
}
