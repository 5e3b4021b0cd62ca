package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.model.*;
import org.mianshen.reference.RiskAreas;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void rentWaiver() {
        RuleEngine engine = RuleEngine.bundled();
        Profile p = new Profile();
        p.uscc = "91530102MA6K0XXXX"; p.regionCode = "530102"; p.industryCode = "6210"; p.employees = 8;
        p.operatingRevenueYuan = 500_000L;
        Premises pr = new Premises(); pr.ownership = PremisesOwnership.STATE; pr.monthlyRentYuan = 20000L;
        p.premises = List.of(pr);
        Enterprise e = new Deriver(LocalDate.of(2022, 6, 30), RiskAreas.none()).derive(p);
        try (Matcher m = engine.newMatcher()) { m.match(e); }
        for (Grant g : e.hits) System.out.println(g.measure.id() + " " + g.status() + " " + g.amountYuan + " " + g.missing);
        assertThat(e.hits).extracting(g -> g.measure.id()).contains("yunnan-rent-waiver-3m");
    }
}
