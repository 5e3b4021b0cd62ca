package org.mianshen.engine;

import org.mianshen.io.ProfileReader;
import org.mianshen.model.Enterprise;
import org.mianshen.model.MatchResult;
import org.mianshen.reference.RiskAreas;

import java.time.LocalDate;
import java.util.List;

/** One profile in, one result out: derive, match, assemble. For `match` and tests. */
public final class MatchService {
    private final RuleEngine engine;
    private final Deriver deriver;
    private final ResultAssembler assembler;

    public MatchService(RuleEngine engine, LocalDate asOf, RiskAreas riskAreas) {
        this(engine, new Deriver(asOf, riskAreas));
    }

    public MatchService(RuleEngine engine, Deriver deriver) {
        this(engine, deriver, ResultAssembler.Selection.ENTITLEMENTS);
    }

    /** @param selection whether SUPPORT measures are listed and drafts counted (default: neither) */
    public MatchService(RuleEngine engine, Deriver deriver, ResultAssembler.Selection selection) {
        this.engine = engine;
        this.deriver = deriver;
        this.assembler = new ResultAssembler(selection);
    }

    public MatchResult match(ProfileReader.Read read) {
        return match(deriver.derive(read.profile()), read.warnings());
    }

    /** Matches an enterprise derived beforehand (by {@link #derive} or the same {@link Deriver}). */
    public MatchResult match(Enterprise e, List<String> readWarnings) {
        try (Matcher m = engine.newMatcher()) { m.match(e); }
        return assembler.assemble(e, readWarnings);
    }

    /** The derived fact alone (for explanations). */
    public Enterprise derive(ProfileReader.Read read) { return deriver.derive(read.profile()); }

    public RuleEngine engine() { return engine; }
}
