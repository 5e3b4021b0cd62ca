package org.mianshen.engine;

import org.mianshen.model.EntityType;
import org.mianshen.model.Enterprise;
import org.mianshen.model.LegalForm;
import org.mianshen.model.Profile;
import org.mianshen.model.Scale;
import org.mianshen.reference.EntityKinds;
import org.mianshen.reference.Industries;
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

        EntityType fromType = EntityKinds.fromRegistrationType(p.registrationType);
        e.entityType = p.entityType != null ? p.entityType : fromType != null ? fromType : Uscc.entityType(p.uscc);
        LegalForm form = p.legalForm != null ? p.legalForm : EntityKinds.legalFormFromRegistrationType(p.registrationType);
        if (form == null) form = EntityKinds.legalFormFromName(p.name);
        // a legal form is a form of enterprise; 个体工商户, 合作社 and non-enterprise bodies have none
        e.legalForm = e.entityType == EntityType.ENTERPRISE ? form : null;
        Boolean branch = p.branch != null ? p.branch : EntityKinds.branchFromRegistrationType(p.registrationType);
        e.branch = branch != null ? branch : EntityKinds.branchFromName(p.name);
        if (e.entityType == EntityType.ENTERPRISE && e.legalForm == null && p.name != null && !p.name.isBlank()) {
            e.warnings.add("名称“" + p.name + "”未显示企业组织形式（公司或合伙）；按缴纳企业所得税的企业处理，"
                    + "个人独资企业、合伙企业请提供组织形式 legalForm 或登记类型 registrationType");
        }
        if (Boolean.TRUE.equals(e.branch)) {
            e.warnings.add("分支机构（非法人）：所列措施由其所属法人（总机构）享受，请与总机构合并推送，勿重复计算");
        }
        if (e.entityType != null && !e.entityType.marketEntity()) {
            e.warnings.add("主体类型为" + e.entityType.zh() + "，不是企业：不适用中小微企业、个体工商户措施");
        }

        RegionDerivation.derive(p, e);
        // risk designations are tested on the county (or the prefecture as a whole): a code that gives only the
        // province or the prefecture leaves the county's (the prefecture's) designation unknown
        int year = asOf.getYear();
        if (e.province != null) {
            // a null county answers FALSE only when no designation at all overlaps the year
            e.countyRiskThisYear = riskAreas.countyDesignatedIn(e.county, year);
            e.prefectureRiskThisYear = riskAreas.prefectureDesignatedIn(
                    e.county != null ? e.county : e.prefecture != null ? e.prefecture + "00" : null, year);
        }
        e.riskDataLoaded = riskAreas.loaded();

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
