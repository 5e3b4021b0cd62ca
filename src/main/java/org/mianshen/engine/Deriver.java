package org.mianshen.engine;

import org.mianshen.model.Enterprise;
import org.mianshen.model.Profile;
import org.mianshen.model.Scale;
import org.mianshen.reference.Industries;
import org.mianshen.reference.Regions;
import org.mianshen.reference.RiskAreas;
import org.mianshen.reference.SizeClassifier;
import org.mianshen.reference.SmallLowProfit;
import org.mianshen.reference.Uscc;

import java.time.LocalDate;

/**
 * Derives the facts the policies speak of but registries do not store (ARCHITECTURE §1 step 2),
 * each from its national standard in {@code org.mianshen.reference}. Thread-safe.
 */
public final class Deriver {
    private final LocalDate asOf;
    private final long asOfDay;
    private final RiskAreas riskAreas;

    public Deriver(LocalDate asOf, RiskAreas riskAreas) {
        this.asOf = asOf;
        this.asOfDay = asOf.toEpochDay();
        this.riskAreas = riskAreas == null ? RiskAreas.none() : riskAreas;
    }

    public LocalDate asOf() { return asOf; }

    /** Builds the rule fact for a validated profile. */
    public Enterprise derive(Profile p) {
        Enterprise e = new Enterprise(p);
        e.asOf = asOf;
        e.asOfDay = asOfDay;

        e.entityType = p.entityType != null ? p.entityType : Uscc.entityType(p.uscc);

        if (p.regionCode != null) {
            Regions.Region r = Regions.resolve(p.regionCode);
            e.province = r.provinceCode();
            e.prefecture = r.prefectureCode();
            e.county = p.regionCode.length() == 6 ? p.regionCode : null;
            if (!r.known()) e.warnings.add("regionCode " + p.regionCode + " 不在 GB/T 2260 (2023) 代码表中（可能已撤销）；按前缀归属 "
                    + e.prefecture + " / " + e.province);
            int year = asOf.getYear();
            e.countyRiskThisYear = riskAreas.countyDesignatedIn(p.regionCode, year);
            e.prefectureRiskThisYear = riskAreas.prefectureDesignatedIn(p.regionCode, year);
            e.riskDataLoaded = riskAreas.loaded();
        }

        Industries.Industry ind = p.industryCode == null ? null : Industries.resolve(p.industryCode);
        if (ind != null) {
            e.section = String.valueOf(ind.section());
            e.division = ind.division();
            e.serviceIndustry = Industries.serviceIndustry(ind);
        }

        SizeClassifier.SizeResult size = SizeClassifier.classify(p.industryCode,
                p.employees == null ? null : p.employees.longValue(), p.operatingRevenueYuan, p.totalAssetsYuan);
        e.industryGroup = size.industryGroupId();
        if (p.scale != null) {
            e.scale = p.scale;
            e.scaleBasis = "申报规模 " + p.scale.zh();
            if (size.scale() != null && size.scale() != p.scale) {
                e.warnings.add("申报规模 " + p.scale.zh() + " 与 300号 划型结果 " + size.scale().zh() + " 不一致（" + size.basis()
                        + "）；按申报规模计算");
            }
        } else {
            e.scale = size.scale();
            e.scaleBasis = size.basis();
            e.scaleMissing = size.missing();
        }

        Long employees = p.employees == null ? null : p.employees.longValue();
        e.smallLowProfit = SmallLowProfit.test(p.annualTaxableIncomeYuan, employees, p.totalAssetsYuan);
        if (e.smallLowProfit == null) e.smallLowProfitMissing = SmallLowProfit.missing(p.annualTaxableIncomeYuan, employees, p.totalAssetsYuan);
        return e;
    }

    /** Scale as the policies call it in Chinese, for reports. */
    public static String zh(Scale s) { return s == null ? "未知" : s.zh(); }
}
