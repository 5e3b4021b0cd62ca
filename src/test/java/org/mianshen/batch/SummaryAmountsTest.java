package org.mianshen.batch;

import org.junit.jupiter.api.Test;
import org.mianshen.model.AmountPeriod;
import org.mianshen.model.Delivery;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;
import org.mianshen.model.MatchResult;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch amount totals: per period, never added across periods, with the count of ELIGIBLE entitlements lacking one. */
class SummaryAmountsTest {
    private static Entitlement e(String id, Grant.Status s, Delivery d, Long yuan, AmountPeriod p) {
        return new Entitlement(id, "fam-" + id, s, d, null, null, yuan, p, null, List.of(), null, null, List.of(),
                null, null, null, null, null, null, null);
    }

    @Test
    void totalsPerTierFamilyMeasureAndJurisdictionKeepPeriodsApart() {
        Summary.Tally t = new Summary.Tally(new Summary.Jurisdictions(List.of()));
        List<Entitlement> es = List.of(
                e("rent", Grant.Status.ELIGIBLE, Delivery.AUTOMATIC, 60_000L, AmountPeriod.ONE_OFF),
                e("vat", Grant.Status.ELIGIBLE, Delivery.AUTOMATIC, 2_250L, AmountPeriod.PER_MONTH),
                e("cit", Grant.Status.ELIGIBLE, Delivery.AUTOMATIC, 27_000L, AmountPeriod.PER_YEAR),
                e("six", Grant.Status.ELIGIBLE, Delivery.AUTOMATIC, null, null),
                e("refund", Grant.Status.NEEDS_INFO, Delivery.AUTOMATIC, 9_000L, AmountPeriod.ONE_OFF),
                e("loan", Grant.Status.ELIGIBLE, Delivery.ON_APPLICATION, null, null));
        MatchResult r = new MatchResult("91530102MA6K000000", "x", LocalDate.of(2022, 6, 30), null, es, null, List.of());
        t.matched(r, "530102");
        t.matched(r, "530102");
        Summary.Report rep = Summary.report(true, "in", "out", null, "2022-06-30", 1, 2, t, 1.0, null);
        Summary.Report.AmountTotal auto = rep.amountsByTier().get("AUTOMATIC");
        assertThat(auto).isEqualTo(new Summary.Report.AmountTotal(8, 6, 2, 120_000, 4_500, 54_000));
        assertThat(rep.amountsByTier().get("ON_APPLICATION")).isEqualTo(new Summary.Report.AmountTotal(2, 0, 2, 0, 0, 0));
        assertThat(rep.amountsByMeasure().get("six").amountUnknown()).isEqualTo(2);
        assertThat(rep.amountsByMeasure()).doesNotContainKey("refund");     // NEEDS_INFO amounts are not totalled here
        assertThat(rep.amountsByJurisdiction().get("全国（其他地区）").perYearYuan()).isEqualTo(54_000);
        assertThat(rep.toChinese()).contains("金额（可享受，按享受方式）").contains("免申即享").contains("54,000");
    }
}
