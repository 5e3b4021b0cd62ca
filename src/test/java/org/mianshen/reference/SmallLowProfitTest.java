package org.mianshen.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallLowProfitTest {

    @Test
    void allAtCapsIsTrue() {
        assertThat(SmallLowProfit.test(3_000_000L, 300L, 50_000_000L)).isTrue();
        assertThat(SmallLowProfit.missing(3_000_000L, 300L, 50_000_000L)).isEmpty();
        assertThat(SmallLowProfit.test(0L, 0L, 0L)).isTrue();
    }

    @Test
    void oneYuanOrOnePersonOverACapIsFalse() {
        assertThat(SmallLowProfit.test(3_000_001L, 300L, 50_000_000L)).isFalse();
        assertThat(SmallLowProfit.test(3_000_000L, 301L, 50_000_000L)).isFalse();
        assertThat(SmallLowProfit.test(3_000_000L, 300L, 50_000_001L)).isFalse();
        assertThat(SmallLowProfit.test(2_999_999L, 299L, 49_999_999L)).isTrue();
    }

    @Test
    void knownFailureDecidesDespiteMissingValues() {
        assertThat(SmallLowProfit.test(3_000_001L, null, null)).isFalse();
        assertThat(SmallLowProfit.test(null, 301L, null)).isFalse();
        assertThat(SmallLowProfit.test(null, null, 50_000_001L)).isFalse();
        assertThat(SmallLowProfit.missing(null, null, 50_000_001L)).isEmpty();
    }

    @Test
    void missingWithNothingFailingIsUnknown() {
        assertThat(SmallLowProfit.test(null, 300L, 50_000_000L)).isNull();
        assertThat(SmallLowProfit.missing(null, 300L, 50_000_000L)).containsExactly("annualTaxableIncomeYuan");
        assertThat(SmallLowProfit.test(3_000_000L, null, 50_000_000L)).isNull();
        assertThat(SmallLowProfit.missing(3_000_000L, null, 50_000_000L)).containsExactly("employees");
        assertThat(SmallLowProfit.test(3_000_000L, 300L, null)).isNull();
        assertThat(SmallLowProfit.missing(3_000_000L, 300L, null)).containsExactly("totalAssetsYuan");
        assertThat(SmallLowProfit.test(null, null, null)).isNull();
        assertThat(SmallLowProfit.missing(null, null, null))
                .containsExactly("annualTaxableIncomeYuan", "employees", "totalAssetsYuan");
    }

    @Test
    void lossMakingFirmIsWithinTheIncomeCap() {
        assertThat(SmallLowProfit.test(-500_000L, 10L, 1_000_000L)).isTrue();
    }
}
