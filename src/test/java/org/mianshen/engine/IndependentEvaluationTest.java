package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.model.Enterprise;
import org.mianshen.model.EntityType;
import org.mianshen.model.Grant;
import org.mianshen.model.Premises;
import org.mianshen.model.PremisesOwnership;
import org.mianshen.model.Profile;
import org.mianshen.reference.RiskAreas;
import org.mianshen.reference.Uscc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drools against a hand-written, independent reading of the Yunnan state-premises rent waiver
 * (云政办发〔2022〕42号 二（一）) on seeded random profiles, including unknown facts: a disagreement
 * means either the rule or the engine (jurisdiction, dates, NEEDS_INFO) is wrong.
 */
class IndependentEvaluationTest {
    private static final String[] REGIONS = {"530102", "530402", "410724", "140212", "110108"};
    private static final String[] INDUSTRIES = {"6210", "5212", "1711", "3484", "7291", "6513", null};

    @Test
    void yunnanRentWaiverAgreesWithAnIndependentReading() {
        RuleEngine engine = RuleEngine.bundled();
        Random rnd = new Random(42);
        int eligible = 0, needsInfo = 0, none = 0;
        try (Matcher matcher = engine.newMatcher()) {
            for (int i = 0; i < 3000; i++) {
                LocalDate asOf = LocalDate.of(2021, 12, 25).plusDays(rnd.nextInt(380));
                Profile p = randomProfile(rnd);
                Enterprise e = new Deriver(asOf, RiskAreas.none()).derive(p);
                matcher.match(e);
                Grant g = e.hits.stream().filter(h -> h.measure.id().equals("yunnan-rent-waiver-3m")).findFirst().orElse(null);
                String expected = expected(p, e, asOf);
                String actual = g == null ? "NONE" : g.status().name();
                assertThat(actual).as("profile %d region %s industry %s emp %s rev %s premises %s type %s as of %s",
                        i, p.regionCode, p.industryCode, p.employees, p.operatingRevenueYuan,
                        p.premises == null ? null : p.premises.size(), p.entityType, asOf).isEqualTo(expected);
                if (g != null && g.status() == Grant.Status.ELIGIBLE) {
                    long rent = p.premises.stream().filter(x -> x.ownership == PremisesOwnership.STATE).mapToLong(x -> x.monthlyRentYuan).sum();
                    assertThat(g.amountYuan).isEqualTo(3 * rent);
                }
                switch (expected) { case "ELIGIBLE" -> eligible++; case "NEEDS_INFO" -> needsInfo++; default -> none++; }
            }
        }
        assertThat(eligible).as("the sample exercises every outcome").isGreaterThan(20);
        assertThat(needsInfo).isGreaterThan(20);
        assertThat(none).isGreaterThan(20);
    }

    /** 小微企业和个体工商户, 服务业, 承租国有房屋, in 云南, during 2022 — read directly from the profile. */
    private static String expected(Profile p, Enterprise e, LocalDate asOf) {
        if (!p.regionCode.startsWith("53") || asOf.getYear() != 2022) return "NONE";
        boolean unknown = false;
        // 服务业: GB/T 4754 sections F-T (the sample's industries are all unambiguous at class level)
        if (p.industryCode == null) unknown = true;
        else if (p.industryCode.startsWith("17") || p.industryCode.startsWith("34")) return "NONE";
        boolean individual = e.getEntityType() == EntityType.INDIVIDUAL_BUSINESS;
        if (!individual) {
            if (e.getScale() == null) unknown = true;
            else if (e.getScale().ordinal() < 2) return "NONE"; // LARGE or MEDIUM
        }
        if (p.premises == null) unknown = true;
        else if (p.premises.stream().noneMatch(x -> x.ownership == PremisesOwnership.STATE)) return "NONE";
        return unknown ? "NEEDS_INFO" : "ELIGIBLE";
    }

    private static Profile randomProfile(Random rnd) {
        Profile p = new Profile();
        p.regionCode = REGIONS[rnd.nextInt(REGIONS.length)];
        boolean individual = rnd.nextInt(5) == 0;
        p.uscc = Uscc.withCheckCharacters((individual ? "92" : "91") + p.regionCode + "MA00" + String.format("%04d", rnd.nextInt(10000)));
        p.industryCode = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
        if (rnd.nextInt(6) > 0) p.employees = rnd.nextInt(400);
        if (rnd.nextInt(6) > 0) p.operatingRevenueYuan = (long) rnd.nextInt(60_000_000);
        if (rnd.nextInt(6) > 0) {
            List<Premises> list = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                Premises x = new Premises();
                x.ownership = rnd.nextBoolean() ? PremisesOwnership.STATE : PremisesOwnership.PRIVATE;
                x.monthlyRentYuan = 1000L + rnd.nextInt(50_000);
                list.add(x);
            }
            p.premises = list;
        }
        return p;
    }
}
