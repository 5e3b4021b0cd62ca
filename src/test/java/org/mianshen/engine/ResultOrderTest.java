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
        RuleEngine engine = RuleEngine.bundled();
        MatchService service = new MatchService(engine, LocalDate.of(2022, 6, 30), RiskAreas.none());
        List<String> ids = engine.catalogue().stream().map(m -> m.id()).toList();
        StringWriter w = new StringWriter();
        new RegistryGenerator(5).write(800, BatchRunner.Format.JSONL, w);
        int checked = 0, withAmounts = 0;
        for (String line : w.toString().split("\n")) {
            ProfileReader.Read read;
            try { read = new ProfileReader().read(line); } catch (org.mianshen.io.InputError e) { continue; }
            MatchResult r = service.match(read);
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
}
