package org.mianshen.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * 小型微利企业 (企业所得税) size test: 年度应纳税所得额 ≤ 300万元 AND 从业人数 ≤ 300人 AND 资产总额 ≤ 5000万元, all
 * inclusive ("不超过").
 *
 * <p>Source: {@code ../shared/reference/policy-and-standards.md} §2 ([V], 财政部 税务总局公告2023年第6号 第三条; same
 * definition in 2022年第13号) and {@code enterprise-size-thresholds.json} related_definitions
 * .small_low_profit_enterprise_cit. Independent of the 300号 size classes.
 *
 * <p>Not checked here: the "从事国家非限制和禁止行业" condition (its meaning is [K] unverified); 从业人数 must include
 * 劳务派遣用工, and 从业人数 / 资产总额 must be the 全年季度平均值 ((季初+季末)/2, averaged over the quarters) - the
 * caller supplies those averages. Stateless; thread-safe.
 */
public final class SmallLowProfit {

    /** 年度应纳税所得额 cap, yuan (300万元), inclusive. */
    public static final long MAX_TAXABLE_INCOME_YUAN = 3_000_000L;
    /** 从业人数 cap, persons, inclusive. */
    public static final long MAX_EMPLOYEES = 300L;
    /** 资产总额 cap, yuan (5000万元), inclusive. */
    public static final long MAX_TOTAL_ASSETS_YUAN = 50_000_000L;

    private SmallLowProfit() {
    }

    /**
     * TRUE iff all three values are known and within their caps; FALSE if any known value exceeds its cap (even when
     * others are missing); null when something is missing and no known value fails.
     */
    public static Boolean test(Long annualTaxableIncomeYuan, Long employees, Long totalAssetsYuan) {
        if (exceeds(annualTaxableIncomeYuan, MAX_TAXABLE_INCOME_YUAN) || exceeds(employees, MAX_EMPLOYEES)
                || exceeds(totalAssetsYuan, MAX_TOTAL_ASSETS_YUAN)) {
            return Boolean.FALSE;
        }
        if (annualTaxableIncomeYuan == null || employees == null || totalAssetsYuan == null) {
            return null;
        }
        return Boolean.TRUE;
    }

    /**
     * Names of the null inputs among "annualTaxableIncomeYuan", "employees", "totalAssetsYuan" (in that order) that
     * are needed to decide; empty when {@link #test} is non-null (a known failing value decides alone).
     */
    public static List<String> missing(Long annualTaxableIncomeYuan, Long employees, Long totalAssetsYuan) {
        if (test(annualTaxableIncomeYuan, employees, totalAssetsYuan) != null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(3);
        if (annualTaxableIncomeYuan == null) {
            out.add("annualTaxableIncomeYuan");
        }
        if (employees == null) {
            out.add("employees");
        }
        if (totalAssetsYuan == null) {
            out.add("totalAssetsYuan");
        }
        return List.copyOf(out);
    }

    private static boolean exceeds(Long value, long cap) {
        return value != null && value > cap;
    }
}
