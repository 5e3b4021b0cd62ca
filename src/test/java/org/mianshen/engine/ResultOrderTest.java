package org.mianshen.engine;

import org.junit.jupiter.api.Test;
import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.RegistryGenerator;
import org.mianshen.io.ProfileReader;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;
import org.mianshen.model.MatchResult;
import org.mianshen.reference.RiskAreas;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Entitlements come ELIGIBLE first, then those with a fixed amount (largest first), then catalogue order. */
class ResultOrderTest {
    @Test
    void eligibleFirstThenLargestAmountThenCatalogueOrder() throws Exception {
        List<String> ids = RuleEngine.bundled().catalogue().stream().map(m -> m.id()).toList();
        int checked = 0, withAmounts = 0;
        for (MatchResult r : generatedResults(5)) {
            List<Entitlement> es = r.entitlements();
            for (int i = 1; i < es.size(); i++) {
                Entitlement a = es.get(i - 1), b = es.get(i);
                int ra = a.status() == Grant.Status.ELIGIBLE ? 0 : 1, rb = b.status() == Grant.Status.ELIGIBLE ? 0 : 1;
                assertThat(ra).as("%s before %s", a.measureId(), b.measureId()).isLessThanOrEqualTo(rb);
                if (ra != rb) continue;
                long xa = a.amountYuan() == null ? -1 : a.amountYuan(), xb = b.amountYuan() == null ? -1 : b.amountYuan();
                assertThat(xa).as("%s before %s", a.measureId(), b.measureId()).isGreaterThanOrEqualTo(xb);
                if (xa == xb) assertThat(ids.indexOf(a.measureId())).isLessThan(ids.indexOf(b.measureId()));
                checked++;
            }
            if (es.stream().anyMatch(e -> e.amountYuan() != null)) withAmounts++;
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(withAmounts).as("profiles with at least one fixed amount").isGreaterThan(50);
    }

    /** Within a family the best measure heads it: ELIGIBLE, larger amount, more local jurisdiction, catalogue order. */
    @Test
    void eachFamilyIsHeadedByItsBestMeasure() throws Exception {
        java.util.Map<String, Integer> position = new java.util.HashMap<>();
        java.util.Map<String, Integer> locality = new java.util.HashMap<>();
        for (var m : RuleEngine.bundled().catalogue()) { position.put(m.id(), position.size()); locality.put(m.id(), m.jurisdiction().length()); }
        int pairs = 0, byLocality = 0;
        for (MatchResult r : generatedResults(9)) {
            for (Entitlement e : r.entitlements()) {
                List<Object[]> members = new java.util.ArrayList<>();
                members.add(new Object[]{e.measureId(), e.status(), e.amountYuan()});
                for (Entitlement.AlsoBasedOn a : e.alsoBasedOn()) members.add(new Object[]{a.measureId(), a.status(), a.amountYuan()});
                for (int i = 1; i < members.size(); i++) {
                    Object[] a = members.get(i - 1), b = members.get(i);
                    String why = a[0] + " before " + b[0];
                    int ra = a[1] == Grant.Status.ELIGIBLE ? 0 : 1, rb = b[1] == Grant.Status.ELIGIBLE ? 0 : 1;
                    assertThat(ra).as(why).isLessThanOrEqualTo(rb);
                    pairs++;
                    if (ra != rb) continue;
                    long xa = a[2] == null ? 0 : (Long) a[2], xb = b[2] == null ? 0 : (Long) b[2];
                    assertThat(xa).as(why).isGreaterThanOrEqualTo(xb);
                    if (xa != xb) continue;
                    int la = locality.get((String) a[0]), lb = locality.get((String) b[0]);
                    assertThat(la).as(why).isGreaterThanOrEqualTo(lb);
                    if (la != lb) { byLocality++; continue; }
                    assertThat(position.get((String) a[0])).as(why).isLessThan(position.get((String) b[0]));
                }
            }
        }
        assertThat(pairs).isGreaterThan(5_000);
        assertThat(byLocality).as("pairs decided by the more local measure").isGreaterThan(50);
    }

    /** The results of 800 generated profiles (bad rows skipped), as of 2022-06-30. */
    private static List<MatchResult> generatedResults(long seed) throws Exception {
        MatchService service = new MatchService(RuleEngine.bundled(), LocalDate.of(2022, 6, 30), RiskAreas.none());
        StringWriter w = new StringWriter();
        new RegistryGenerator(seed).write(800, BatchRunner.Format.JSONL, w);
        List<MatchResult> out = new java.util.ArrayList<>();
        for (String line : w.toString().split("\n")) {
            try { out.add(service.match(new ProfileReader().read(line))); } catch (org.mianshen.io.InputError e) { /* a planted bad row */ }
        }
        return out;
    }
}
