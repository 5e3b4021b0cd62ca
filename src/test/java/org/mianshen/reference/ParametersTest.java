package org.mianshen.reference;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersTest {

    @Test
    void everyParameterHasDatedValuesWithAReference() {
        assertThat(Parameters.names()).contains("cit.statutory_rate", "vat.small_scale.levy_rate_in_force",
                "social_insurance.layoff.max_rate", "local_taxes.six_taxes_two_fees.max_reduction");
        for (String n : Parameters.names()) assertThat(Parameters.reference(n, LocalDate.of(2030, 1, 1))).isNotBlank();
    }

    @Test
    void aValueHoldsFromItsDateToTheNext() {
        String s = "cit.small_low_profit.bracket1_share";
        assertThat(Parameters.value(s, LocalDate.of(2020, 12, 31))).isEqualByComparingTo("0.25");
        assertThat(Parameters.value(s, LocalDate.of(2021, 1, 1))).isEqualByComparingTo("0.125");
        assertThat(Parameters.value(s, LocalDate.of(2022, 12, 31))).isEqualByComparingTo("0.125");
        assertThat(Parameters.value(s, LocalDate.of(2023, 1, 1))).isEqualByComparingTo("0.25");
        assertThat(Parameters.value("vat.small_scale.levy_rate_in_force", LocalDate.of(2022, 3, 31))).isEqualByComparingTo("0.01");
        assertThat(Parameters.value("vat.small_scale.levy_rate_in_force", LocalDate.of(2022, 4, 1))).isEqualByComparingTo("0.03");
    }

    @Test
    void decimalsAreExact() {
        assertThat(Parameters.value("social_insurance.layoff.max_rate", LocalDate.of(2022, 6, 30))).isEqualTo(new BigDecimal("0.055"));
        assertThat(Parameters.whole("cit.small_low_profit.max_taxable_income", LocalDate.of(2022, 6, 30))).isEqualTo(3_000_000L);
    }

    @Test
    void theSmallLowProfitCapsMatchTheReferenceCode() {
        LocalDate d = LocalDate.of(2022, 6, 30);
        assertThat(Parameters.whole("cit.small_low_profit.max_taxable_income", d)).isEqualTo(SmallLowProfit.MAX_TAXABLE_INCOME_YUAN);
        assertThat(Parameters.whole("cit.small_low_profit.max_employees", d)).isEqualTo(SmallLowProfit.MAX_EMPLOYEES);
        assertThat(Parameters.whole("cit.small_low_profit.max_total_assets", d)).isEqualTo(SmallLowProfit.MAX_TOTAL_ASSETS_YUAN);
    }

    @Test
    void endedUnknownAndTooEarlyAreErrorsNamingTheParameter() {
        assertThatThrownBy(() -> Parameters.value("social_insurance.job_retention_refund.large_ratio_raised", LocalDate.of(2023, 1, 1)))
                .hasMessageContaining("not in force on 2023-01-01");
        assertThatThrownBy(() -> Parameters.value("cit.nonsense", LocalDate.of(2022, 1, 1))).hasMessageContaining("unknown parameter cit.nonsense");
        assertThatThrownBy(() -> Parameters.value("social_insurance.job_retention_refund.sme_ratio", LocalDate.of(2020, 1, 1)))
                .hasMessageContaining("no value before 2021-01-01");
    }
}
