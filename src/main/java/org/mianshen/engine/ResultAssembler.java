package org.mianshen.engine;

import org.mianshen.model.Basis;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;
import org.mianshen.model.MatchResult;
import org.mianshen.model.Measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the grants the rules recorded into the output contract: one entitlement per benefit family
 * (the best measure first, the others as {@code alsoBasedOn}), reasons rendered from the rule's own
 * conditions with the enterprise's values, and the derived facts. Thread-safe.
 */
public final class ResultAssembler {
    private final Selection selection;

    /**
     * Which fired measures an answer shows besides the entitlements of adopted documents.
     *
     * @param support list SUPPORT measures (never entitlements) in the answer's {@code support} section
     * @param drafts  count measures of consultation drafts (征求意见稿) as entitlements, marked DRAFT
     */
    public record Selection(boolean support, boolean drafts) {
        /** What a bureau can sign: adopted documents' entitlements only. */
        public static final Selection ENTITLEMENTS = new Selection(false, false);
    }

    public ResultAssembler() { this(Selection.ENTITLEMENTS); }

    public ResultAssembler(Selection selection) { this.selection = selection; }

    public MatchResult assemble(Enterprise e, List<String> readWarnings) { return assemble(e, readWarnings, Detail.FULL); }

    /** How much of the contract each entitlement carries. */
    public enum Detail {
        /** Everything (§2 contract). */
        FULL,
        /** Everything but {@code reasons}, which are rendered per condition and cost a fifth of a batch run. */
        WITHOUT_REASONS,
        /**
         * Only what differs between enterprises: id, family, status, amount, missing facts (and the same for
         * {@code alsoBasedOn}). Title, reasons, detail, confirm list, basis and validity are the measure's
         * (367 of the 369 rules write a constant detail), listed by {@code mianshen rules --format json} or
         * shown by {@code match}; the full contract is ~85 KB per enterprise, this ~6 KB.
         */
        COMPACT,
        /**
         * The registry contract (batch's default): as {@link #COMPACT}, but the grant's detail is kept so the writer can
         * put it on the line where the rule computes it per enterprise (a constant detail is in the measures file).
         */
        REGISTRY
    }

    public MatchResult assemble(Enterprise e, List<String> readWarnings, Detail detail) {
        boolean compact = detail == Detail.COMPACT || detail == Detail.REGISTRY;
        // A batch assembles ~115 grants per enterprise, millions of times (profiled: BENCHMARKS.md), so one
        // primitive sort groups the families and puts each family's best grant first (BEST_FIRST without the
        // amount): family | rank | more local jurisdiction first | catalogue position | index in hits (each
        // below 2^16: RuleEngine). A family with an amount is re-sorted by BEST_FIRST itself (rare).
        // SUPPORT measures are never entitlements; drafts are not law unless asked for. The rules still fire
        // for them (cases test them), so they are set aside here, before families are formed: a family with
        // an adopted basis still reports the benefit on that basis.
        List<Grant> hits = e.hits;
        List<MatchResult.Support> support = selection.support() ? new ArrayList<>() : null;
        for (int i = 0; i < hits.size(); i++) {
            Measure m = hits.get(i).measure;
            if (m.isSupport() || (m.isDraft() && !selection.drafts())) {
                hits = selected(e.hits, support);
                break;
            }
        }
        int n = hits.size();
        long[] byFamily = new long[n];
        for (int i = 0; i < n; i++) {
            Grant g = hits.get(i);
            byFamily[i] = ((long) g.familyIndex << 47) | ((long) rank(g.status()) << 46)
                    | ((long) (6 - g.measure.jurisdiction().length()) << 43) | ((long) g.position << 16) | i;
        }
        java.util.Arrays.sort(byFamily);
        List<Entitlement> unordered = new ArrayList<>();
        // Order keys: rank and catalogue position packed in a long, sorted as primitives; the few
        // entitlements with an amount (~0.4 % in a generated registry) sorted by a comparator.
        long[] plain = new long[n];
        int plainCount = 0;
        List<Order> withAmount = null;
        List<Grant> family = new ArrayList<>(4);
        for (int i = 0; i < n; ) {
            int j = i;
            family.clear();
            boolean amounts = false;
            while (j < n && (byFamily[j] >>> 47) == (byFamily[i] >>> 47)) {
                Grant g = hits.get((int) (byFamily[j++] & 0xFFFF));
                amounts |= g.amountYuan != null;
                family.add(g);
            }
            i = j;
            if (amounts && family.size() > 1) family.sort(BEST_FIRST);
            Grant best = family.get(0);
            List<Entitlement.AlsoBasedOn> also = family.size() == 1 ? List.of() : new ArrayList<>(family.size() - 1);
            for (int k = 1; k < family.size(); k++) {
                Grant g = family.get(k);
                also.add(compact
                        ? new Entitlement.AlsoBasedOn(g.measure.id(), g.status(), g.amountYuan, null, labelled(g.missing), null)
                        : new Entitlement.AlsoBasedOn(g.measure.id(), g.status(), g.amountYuan, g.detail,
                                labelled(g.missing), Basis.of(g.measure)));
            }
            Measure m = best.measure;
            if (best.amountYuan == null) {
                plain[plainCount++] = ((long) rank(best.status()) << 62) | ((long) best.position << 31) | unordered.size();
            } else {
                if (withAmount == null) withAmount = new ArrayList<>(4);
                withAmount.add(new Order(rank(best.status()), best.amountYuan, best.position, unordered.size()));
            }
            unordered.add(compact
                    ? new Entitlement(m.id(), m.family(), best.status(), m.delivery(), null, null, best.amountYuan,
                            best.amountPeriod, null, labelled(best.amountMissing), detail == Detail.REGISTRY ? best.detail : null, null,
                            labelled(best.missing), null, null, null, null, null, draftMark(m), also)
                    : new Entitlement(m.id(), m.family(), best.status(), m.delivery(), m.title(), m.benefitType(), best.amountYuan,
                            best.amountPeriod, best.amountWorking, labelled(best.amountMissing), best.detail, detail == Detail.FULL ? reasons(m, e) : null, labelled(best.missing), m.confirm(), Basis.of(m),
                            m.validFrom(), m.validTo(), m.validToBasis(), draftMark(m), also));
        }
        java.util.Arrays.sort(plain, 0, plainCount);
        if (withAmount != null) withAmount.sort(ORDER);
        List<Entitlement> out = new ArrayList<>(unordered.size());
        int p = 0, a = 0;
        for (int rank = 0; rank <= 1; rank++) {              // per rank: fixed amounts first, then the rest
            while (withAmount != null && a < withAmount.size() && withAmount.get(a).rank() == rank) out.add(unordered.get(withAmount.get(a++).index()));
            while (p < plainCount && (plain[p] >>> 62) == rank) out.add(unordered.get((int) (plain[p++] & 0x7FFF_FFFFL)));
        }
        List<String> warnings = new ArrayList<>(readWarnings);
        warnings.addAll(e.warnings);
        if (e.regionForJurisdiction() == null) warnings.add("regionCode 未提供：只评估全国性措施，地方措施无法判断");
        return new MatchResult(e.getUscc(), e.getName(), e.asOf, derived(e), out, support, warnings);
    }

    /** The grants that are entitlements under the selection; SUPPORT measures go to {@code support} when it is not null. */
    private List<Grant> selected(List<Grant> all, List<MatchResult.Support> support) {
        List<Grant> out = new ArrayList<>(all.size());
        for (Grant g : all) {
            Measure m = g.measure;
            if (m.isDraft() && !selection.drafts()) continue;
            if (m.isSupport()) { if (support != null) support.add(MatchResult.Support.of(m)); continue; }
            out.add(g);
        }
        if (support != null) support.sort(Comparator.comparing(MatchResult.Support::measureId));
        return out;
    }

    private static org.mianshen.model.DocStatus draftMark(Measure m) { return m.isDraft() ? m.docStatus() : null; }

    /** Where an entitlement goes in the result (primitive fields: this sort runs for every enterprise of a batch). */
    private record Order(int rank, long amount, int position, int index) {}

    /** ELIGIBLE before NEEDS_INFO; then the benefits with a fixed amount, largest first; then catalogue order. */
    private static final Comparator<Order> ORDER = (a, b) -> {
        int c = Integer.compare(a.rank(), b.rank());
        if (c != 0) return c;
        c = Long.compare(b.amount(), a.amount());
        return c != 0 ? c : Integer.compare(a.position(), b.position());
    };

    private static int rank(Grant.Status s) { return s == Grant.Status.ELIGIBLE ? 0 : 1; }

    /** Within a family: ELIGIBLE before NEEDS_INFO, then the larger amount, the more local measure, catalogue order. */
    private static final Comparator<Grant> BEST_FIRST = (a, b) -> {
        int c = Integer.compare(rank(a.status()), rank(b.status()));
        if (c != 0) return c;
        c = Long.compare(b.amountYuan == null ? 0L : b.amountYuan, a.amountYuan == null ? 0L : a.amountYuan);
        if (c != 0) return c;
        c = Integer.compare(b.measure.jurisdiction().length(), a.measure.jurisdiction().length());
        return c != 0 ? c : Integer.compare(a.position, b.position);
    };


    private static MatchResult.Derived derived(Enterprise e) {
        return new MatchResult.Derived(e.entityType, e.legalForm, e.branch, e.getCitPayer(), e.scale, e.scaleBasis,
                e.smallLowProfit, e.section, e.division, e.serviceIndustry, e.province, e.prefecture, e.county,
                e.regionSource, e.countyRiskThisYear, e.prefectureRiskThisYear);
    }

    private static final Map<String, String> LABELLED = new ConcurrentHashMap<>();

    private static List<String> labelled(List<String> missing) {
        if (missing.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(missing.size());
        for (String m : missing) out.add(LABELLED.computeIfAbsent(m, FactLabels::withName));
        return out;
    }

    /**
     * Each condition in Chinese prose with the enterprise's values, e.g. "从业人员不超过300人（实际 8人）",
     * "增值税纳税人类型为增值税小规模纳税人（否）、小型微利企业（是）或个体工商户（否）之一成立".
     */
    List<String> reasons(Measure m, Enterprise e) {
        List<String> out = new ArrayList<>(m.conditions().size());
        for (String c : m.conditions()) out.add(ConditionRenderer.reason(ConditionCache.of(c), m, e));
        return out;
    }

}
