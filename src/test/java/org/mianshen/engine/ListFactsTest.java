package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Hire;
import org.mianshen.model.HireCategory;
import org.mianshen.model.Loan;
import org.mianshen.model.LoanKind;
import org.mianshen.model.Premises;
import org.mianshen.model.PremisesOwnership;
import org.mianshen.model.Profile;
import org.mianshen.reference.RiskAreas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list helpers count and sum items by any field, and an item that could count but lacks a field makes them unknown. */
class ListFactsTest {
    private static Enterprise of(Profile p) {
        p.uscc = "91410724MA44GY2P5W";
        p.regionCode = "410724";
        return new Deriver(LocalDate.of(2026, 6, 30), RiskAreas.none()).derive(p);
    }

    private static Hire hire(HireCategory c, int count, Integer months, Boolean insured, String hiredOn, String household) {
        Hire h = new Hire();
        h.category = c; h.count = count; h.contractMonths = months; h.socialInsurance = insured;
        h.hiredOn = hiredOn == null ? null : LocalDate.parse(hiredOn); h.householdRegion = household;
        return h;
    }

    private static Enterprise hires(Hire... hs) {
        Profile p = new Profile();
        p.hires = new ArrayList<>(List.of(hs));
        return of(p);
    }

    @Test
    void contractMonthsBoundaryAndUnknowns() {
        String where = "category=GRADUATE_THIS_YEAR contractMonths>=12";
        assertThat(hires(hire(HireCategory.GRADUATE_THIS_YEAR, 2, 12, true, null, null)).countHires(where)).isEqualTo(2);
        assertThat(hires(hire(HireCategory.GRADUATE_THIS_YEAR, 2, 11, true, null, null)).countHires(where)).isZero();
        Enterprise unknownMonths = hires(hire(HireCategory.GRADUATE_THIS_YEAR, 2, null, true, null, null));
        assertThat(unknownMonths.countHires(where)).isNull();
        assertThat(unknownMonths.missingInputs("countHires", List.of(where))).containsExactly("hires[].contractMonths");
        // a veteran with unknown months does not matter: the category already excludes it
        assertThat(hires(hire(HireCategory.VETERAN, 5, null, null, null, null)).countHires(where)).isZero();
        // unknown list
        Enterprise none = of(new Profile());
        assertThat(none.countHires(where)).isNull();
        assertThat(none.missingInputs("countHires", List.of(where))).containsExactly("hires");
    }

    @Test
    void datesHouseholdAndInsurance() {
        String where = "hiredOn>=2026-01-01 hiredOn<=2026-12-31 localHousehold socialInsurance";
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, true, "2026-01-01", "410702")).countHires(where)).isEqualTo(1);
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, true, "2025-12-31", "410702")).countHires(where)).isZero();
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, true, "2026-12-31", "410702")).countHires(where)).isEqualTo(1);
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, true, "2027-01-01", "410702")).countHires(where)).isZero();
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, true, "2026-05-01", "410102")).countHires(where)).isZero();
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, false, "2026-05-01", "410702")).countHires(where)).isZero();
        Enterprise province = hires(hire(HireCategory.VETERAN, 1, 12, true, "2026-05-01", "41"));
        assertThat(province.countHires(where)).isNull();
        assertThat(province.missingInputs("countHires", List.of(where))).containsExactly("hires[].householdRegion");
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, true, "2026-05-01", "41")).countHires("householdIn=41")).isEqualTo(1);
        assertThat(hires(hire(HireCategory.VETERAN, 1, 12, null, "2026-05-01", "410702")).countHires("!socialInsurance")).isNull();
    }

    @Test
    void loansAndPremisesSums() {
        Profile p = new Profile();
        Loan a = new Loan(); a.kind = LoanKind.TECH_LOAN; a.principalYuan = 1_000_000L;
        Loan b = new Loan(); b.kind = LoanKind.TECH_LOAN; b.principalYuan = 500_000L;
        Loan c = new Loan(); c.kind = LoanKind.CREDIT;   // principal unknown, but not a tech loan
        p.loans = new ArrayList<>(List.of(a, b, c));
        Premises s = new Premises(); s.ownership = PremisesOwnership.STATE; s.monthlyRentYuan = 20_000L;
        Premises q = new Premises(); q.ownership = PremisesOwnership.PRIVATE;
        p.premises = new ArrayList<>(List.of(s, q));
        Enterprise e = of(p);
        assertThat(e.sumLoans("principalYuan", "kind=TECH_LOAN")).isEqualTo(1_500_000L);
        assertThat(e.countLoans("kind=TECH_LOAN|CREDIT")).isEqualTo(3);
        assertThat(e.sumLoans("principalYuan", "kind=CREDIT")).isNull();
        assertThat(e.missingInputs("sumLoans", List.of("principalYuan", "kind=CREDIT"))).containsExactly("loans[].principalYuan");
        assertThat(e.sumPremises("monthlyRentYuan", "ownership=STATE")).isEqualTo(20_000L);
        assertThat(e.countPremises("ownership!=STATE")).isEqualTo(1);
    }

    @Test
    void badFiltersSayWhatIsWrong() {
        assertThatThrownBy(() -> Enterprise.validateListHelper("countHires", List.of("catgory=VETERAN")))
                .hasMessageContaining("'catgory' is not a field of hires[]");
        assertThatThrownBy(() -> Enterprise.validateListHelper("countHires", List.of("category=VETERANS")))
                .hasMessageContaining("is not one of");
        assertThatThrownBy(() -> Enterprise.validateListHelper("countHires", List.of("hiredOn>=2026-13-01")))
                .hasMessageContaining("a date yyyy-mm-dd");
        assertThatThrownBy(() -> Enterprise.validateListHelper("sumLoans", List.of("kind", "kind=CREDIT")))
                .hasMessageContaining("not a whole-number field");
    }
}
