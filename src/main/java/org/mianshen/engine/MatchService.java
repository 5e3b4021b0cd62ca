package org.mianshen.engine;

import org.mianshen.io.ProfileReader;
import org.mianshen.model.Enterprise;
import org.mianshen.model.MatchResult;
import org.mianshen.reference.RiskAreas;

import java.time.LocalDate;

/** One profile in, one result out: derive, match, assemble. For `match` and tests. */
public final class MatchService {
    private final RuleEngine engine;
    private final Deriver deriver;
    private final ResultAssembler assembler;

    public MatchService(RuleEngine engine, LocalDate asOf, RiskAreas riskAreas) {
        this.engine = engine;
        this.deriver = new Deriver(asOf, riskAreas);
        this.assembler = new ResultAssembler(engine.catalogue());
    }

    public MatchResult match(ProfileReader.Read read) {
        Enterprise e = deriver.derive(read.profile());
        try (Matcher m = engine.newMatcher()) { m.match(e); }
        return assembler.assemble(e, read.warnings());
    }

    /** The derived fact alone (for explanations). */
    public Enterprise derive(ProfileReader.Read read) { return deriver.derive(read.profile()); }

    public RuleEngine engine() { return engine; }
}
