package org.mianshen.reference;

import org.junit.jupiter.api.Test;
import org.mianshen.reference.RegionHistory.Resolution;
import org.mianshen.reference.RegionHistory.Status;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The GB/T 2260 history on the codes the issue met in a real registry. */
class RegionHistoryTest {

    @Test
    void theBundledHistoryHoldsTheRetiredCodesOfTheSource() {
        // tools/region-history.py over yescallop/areacodes result.csv: 3,237 codes no longer in use
        assertThat(RegionHistory.size()).isEqualTo(3237);
    }

    @Test
    void changhuanCountyBecameChangyuanCityIn2019() {
        assertThat(RegionHistory.resolve("410728")).isEqualTo(new Resolution("410728", Status.RETIRED, "410783", "4107", "41",
                "长垣县", 2019, List.of("410783")));
    }

    @Test
    void xuchangCountyBecameJian_anDistrictIn2016() {
        Resolution r = RegionHistory.resolve("411023");
        assertThat(r.status()).isEqualTo(Status.RETIRED);
        assertThat(r.county()).isEqualTo("411003");
        assertThat(r.retiredYear()).isEqualTo(2016);
        assertThat(Regions.describe(r.county())).isEqualTo("河南省许昌市建安区");
    }

    @Test
    void shuangliuAndChenggongCountiesBecameDistricts() {
        assertThat(RegionHistory.resolve("510122").county()).isEqualTo("510116");   // 双流区, 2015
        assertThat(RegionHistory.resolve("510122").retiredYear()).isEqualTo(2015);
        assertThat(RegionHistory.resolve("530121").county()).isEqualTo("530114");   // 呈贡区, 2011
        assertThat(RegionHistory.resolve("530121").prefecture()).isEqualTo("5301");
    }

    @Test
    void datongNanjiaoWasSplitSoOnlyThePrefectureIsKnown() {
        Resolution r = RegionHistory.resolve("140211");
        assertThat(r.status()).isEqualTo(Status.RETIRED);
        assertThat(r.county()).isNull();
        assertThat(r.prefecture()).isEqualTo("1402");
        assertThat(r.successors()).containsExactly("140212", "140213", "140214");
        assertThat(r.effectiveCode()).isEqualTo("140200");
    }

    @Test
    void jianyangMovedFromZiyangToChengdu() {
        Resolution r = RegionHistory.resolve("512081");
        assertThat(r.county()).isEqualTo("510185");
        assertThat(r.prefecture()).isEqualTo("5101");                 // not 5120 资阳, whose digits the old code carries
        assertThat(RegionHistory.formerPrefectureName("512081")).isEqualTo("资阳市");
        assertThat(r.retiredYear()).isEqualTo(2016);
    }

    @Test
    void aShixiaquCodeIsTheCityNotARetiredCounty() {
        Resolution r = RegionHistory.resolve("440101");
        assertThat(r.status()).isEqualTo(Status.MUNICIPAL_DISTRICTS);
        assertThat(r.county()).isNull();
        assertThat(r.prefecture()).isEqualTo("4401");
        assertThat(r.province()).isEqualTo("44");
    }

    @Test
    void anUnknownCodeIsNotCalledRetired() {
        Resolution r = RegionHistory.resolve("419901");
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.prefecture()).isNull();
        assertThat(r.province()).isEqualTo("41");
        assertThat(RegionHistory.resolve("999999").status()).isEqualTo(Status.UNKNOWN);
        assertThat(RegionHistory.resolve("999999").province()).isNull();
        assertThat(RegionHistory.resolve("41072")).isNull();
    }

    @Test
    void provinceAndPrefectureLevelCodesGiveOnlyThatLevel() {
        Resolution yunnan = RegionHistory.resolve("530000");
        assertThat(yunnan.status()).isEqualTo(Status.CURRENT);
        assertThat(yunnan.provinceLevel()).isTrue();
        assertThat(yunnan.prefecture()).isNull();
        assertThat(yunnan.county()).isNull();
        assertThat(yunnan.province()).isEqualTo("53");
        Resolution xinxiang = RegionHistory.resolve("410700");
        assertThat(xinxiang.prefectureLevel()).isTrue();
        assertThat(xinxiang.prefecture()).isEqualTo("4107");
        assertThat(xinxiang.county()).isNull();
    }

    @Test
    void aCurrentCountyIsItself() {
        assertThat(RegionHistory.resolve("410724")).isEqualTo(new Resolution("410724", Status.CURRENT, "410724", "4107", "41",
                "获嘉县", null, List.of()));
    }

    @Test
    void anAbolishedPrefectureWithNoSuccessorKeepsItsProvince() {
        Resolution r = RegionHistory.resolve("142100");                // 雁北地区, 1993
        assertThat(r.status()).isEqualTo(Status.RETIRED);
        assertThat(r.successors()).isEmpty();
        assertThat(r.province()).isEqualTo("14");
        assertThat(r.prefecture()).isNull();
    }
}
