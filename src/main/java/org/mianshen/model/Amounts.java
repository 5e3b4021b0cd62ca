package org.mianshen.model;

import org.mianshen.reference.Parameters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The formulas that turn a measure and a profile into an {@link Amount}, called from rule consequences:
 * {@code $e.grant(drools).amount(Amounts.citSmallLowProfit($e))}. Rates and thresholds come from the dated
 * {@link Parameters} at the as-of date or, for a tax-year figure, at 1 January of the as-of year. Money is exact
 * (BigDecimal), rounded half up to whole yuan once, at the end. A tax measure's amount is the tax saved against the
 * statutory rate or the normal levy; a refund's or subsidy's is what is paid; a deferral's is the tax deferred.
 * When an input is missing the amount is null and {@link Amount#missing()} names the profile fields.
 */
public final class Amounts {
    private Amounts() {}

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    // ---- 企业所得税 ------------------------------------------------------------------------------

    /**
     * 小型微利企业所得税减免: the tax saved in the as-of tax year, statutory 25 % minus the bracket tax
     * (第一档 ≤100万, 第二档 100万–300万, shares and rate by year from {@code cit.yaml}).
     */
    public static Amount citSmallLowProfit(Enterprise e) { return guard(() -> citSmallLowProfit0(e)); }

    private static Amount citSmallLowProfit0(Enterprise e) {
        Long income = e.getAnnualTaxableIncomeYuan();
        if (income == null) return Amount.missing("annualTaxableIncomeYuan");
        LocalDate y = taxYear(e);
        Cit slp = citSmallLowProfitTax(income, y);
        if (slp == null) return Amount.of(0, AmountPeriod.PER_YEAR, "应纳税所得额 " + money(income) + " 超过小型微利企业上限 "
                + money(Parameters.whole("cit.small_low_profit.max_taxable_income", y)) + "：不享受，减免0元");
        BigDecimal st = Parameters.value("cit.statutory_rate", y);
        BigDecimal full = BigDecimal.valueOf(income).multiply(st);
        long saved = round(full.subtract(slp.tax));
        return Amount.of(saved, AmountPeriod.PER_YEAR, y.getYear() + "纳税年度，应纳税所得额 " + money(income) + "（" + slp.tier + "）："
                + slp.text + "；按" + pct(st) + "法定税率应纳 " + money(full) + "；减免 " + money(saved));
    }

    /**
     * 100万–300万部分再减半 (财政部 税务总局公告2022年第13号): what this measure adds on top of the share in force
     * before it — the 第二档 portion × (previous share − current share) × 20 %.
     */
    public static Amount citBracket2Halving(Enterprise e) { return guard(() -> citBracket2Halving0(e)); }

    private static Amount citBracket2Halving0(Enterprise e) {
        Long income = e.getAnnualTaxableIncomeYuan();
        if (income == null) return Amount.missing("annualTaxableIncomeYuan");
        LocalDate y = taxYear(e);
        long l1 = Parameters.whole("cit.small_low_profit.bracket1_limit", y);
        long l2 = Parameters.whole("cit.small_low_profit.max_taxable_income", y);
        Parameters.Value now = Parameters.at("cit.small_low_profit.bracket2_share", y);
        BigDecimal before = Parameters.value("cit.small_low_profit.bracket2_share", now.from().minusDays(1));
        BigDecimal r = Parameters.value("cit.small_low_profit.rate", y);
        long portion = Math.max(0, Math.min(income, l2) - l1);
        BigDecimal cut = before.subtract(now.value());
        if (cut.signum() <= 0) return Amount.of(0, AmountPeriod.PER_YEAR, y.getYear() + "纳税年度第二档计入比例" + pct(now.value()) + "，不低于此前比例：本措施无额外减免");
        long saved = round(BigDecimal.valueOf(portion).multiply(cut).multiply(r));
        return Amount.of(saved, AmountPeriod.PER_YEAR, y.getYear() + "纳税年度，应纳税所得额 " + money(income) + "，超过" + money(l1) + "部分 "
                + money(portion) + " ×（" + pct(before) + " − " + pct(now.value()) + "）× " + pct(r) + " = " + money(saved)
                + "（较此前第二档政策多减免的税额）");
    }

    /**
     * 研发费用加计扣除 where the ratio depends on who claims it: 科技型中小企业 and 制造业企业 at their own ratio,
     * other enterprises at the general one; the most favourable ratio the enterprise qualifies for.
     */
    public static Amount rdSuperDeduction(Enterprise e) { return guard(() -> rdSuperDeduction0(e)); }

    private static Amount rdSuperDeduction0(Enterprise e) {
        Boolean tech = e.holds(Designation.TECH_SME), mfg = e.getManufacturing();
        List<String> missing = new ArrayList<>();
        if (!Boolean.TRUE.equals(tech) && !Boolean.TRUE.equals(mfg)) {
            if (tech == null) missing.add("designations");
            if (mfg == null) missing.add("industryCode");
        }
        if (!missing.isEmpty()) return Amount.missing(missing);
        String best = "ratio_other";
        BigDecimal r = Parameters.value("cit.rd_super_deduction.ratio_other", e.asOf);
        if (Boolean.TRUE.equals(mfg) && Parameters.value("cit.rd_super_deduction.ratio_manufacturing", e.asOf).compareTo(r) > 0) {
            best = "ratio_manufacturing"; r = Parameters.value("cit.rd_super_deduction.ratio_manufacturing", e.asOf);
        }
        if (Boolean.TRUE.equals(tech) && Parameters.value("cit.rd_super_deduction.ratio_tech_sme", e.asOf).compareTo(r) > 0) best = "ratio_tech_sme";
        return rdSuperDeduction(e, best);
    }

    /** 研发费用加计扣除: the tax saved by deducting {@code rdExpenseYuan × ratio} more (ratio parameter by name). */
    public static Amount rdSuperDeduction(Enterprise e, String ratioParameter) { return guard(() -> rdSuperDeduction0(e, ratioParameter)); }

    private static Amount rdSuperDeduction0(Enterprise e, String ratioParameter) {
        Long rd = e.getRdExpenseYuan();
        if (rd == null) return Amount.missing("rdExpenseYuan");
        LocalDate at = e.asOf;
        BigDecimal ratio = Parameters.value("cit.rd_super_deduction." + ratioParameter, at);
        BigDecimal extra = BigDecimal.valueOf(rd).multiply(ratio);
        return deductionSaving(e, extra, "研发费用 " + money(rd) + " × 加计扣除比例 " + pct(ratio) + " = 加计扣除额 " + money(extra),
                "研发费用加计扣除");
    }

    /**
     * 设备、器具一次性税前扣除 (财税〔2018〕54号): units of unit value ≤ 500万 bought in the as-of tax year are deducted in
     * full; the amount is the tax deferred — the deduction brought forward (cost − the year's straight-line
     * depreciation from the month after purchase, no salvage value) taxed at the enterprise's own rate.
     */
    public static Amount equipmentOneOff(Enterprise e) { return guard(() -> equipment(e, false)); }

    /**
     * 中小微企业2022年新购置单位价值500万元以上设备器具 (财政部 税务总局公告2022年第12号): 最低折旧年限3年的 100 %,
     * 4、5、10年的 50 % deducted in the year; the amount is the tax deferred as in {@link #equipmentOneOff}.
     */
    public static Amount equipmentLarge2022(Enterprise e) { return guard(() -> equipment(e, true)); }

    private static Amount equipment(Enterprise e, boolean large) {
        List<Equipment> items = e.profile().equipmentPurchases;
        if (items == null) return Amount.missing("equipmentPurchases");
        LocalDate y = taxYear(e);
        long limit = Parameters.whole("cit.equipment.one_off_limit", y);
        List<String> missing = new ArrayList<>();
        BigDecimal extra = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        int counted = 0;
        for (Equipment q : items) {
            if (q.acquiredOn == null) { add(missing, "equipmentPurchases[].acquiredOn"); continue; }
            if (q.acquiredOn.getYear() != y.getYear()) continue;
            if (q.costYuan == null) { add(missing, "equipmentPurchases[].costYuan"); continue; }
            if (large ? q.costYuan <= limit : q.costYuan > limit) continue;
            if (q.depreciationYears == null) { add(missing, "equipmentPurchases[].depreciationYears"); continue; }
            BigDecimal share = !large ? BigDecimal.ONE : q.depreciationYears == 3 ? BigDecimal.ONE
                    : (q.depreciationYears == 4 || q.depreciationYears == 5 || q.depreciationYears == 10) ? new BigDecimal("0.5") : null;
            if (share == null) continue;   // only 3-, 4-, 5- and 10-year equipment is covered by 2022年第12号
            BigDecimal cost = BigDecimal.valueOf(q.costYuan);
            int months = 12 - q.acquiredOn.getMonthValue();
            BigDecimal normal = cost.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(q.depreciationYears * 12L), 2, RoundingMode.HALF_UP);
            BigDecimal deducted = cost.multiply(share);
            BigDecimal forward = deducted.subtract(normal).max(BigDecimal.ZERO);
            extra = extra.add(forward);
            counted++;
            if (parts.size() < 3) parts.add(q.acquiredOn.getMonthValue() + "月购进 " + money(cost) + "（" + q.depreciationYears + "年）："
                    + (share.compareTo(BigDecimal.ONE) == 0 ? "一次性扣除 " : "当年扣除50% ") + money(deducted) + " − 正常折旧 "
                    + money(cost) + "÷" + q.depreciationYears * 12 + "×" + months + "个月 " + money(normal) + " = 提前扣除 " + money(forward));
        }
        if (!missing.isEmpty()) return Amount.missing(missing);
        String what = large ? "单位价值" + money(limit) + "以上" : "单位价值" + money(limit) + "以下（含）";
        if (counted == 0) return Amount.of(0, AmountPeriod.PER_YEAR, y.getYear() + "纳税年度未购进" + what + "的设备、器具：递延税额0元");
        String list = String.join("；", parts) + (counted > parts.size() ? "；等共" + counted + "台" : "");
        return deductionSaving(e, extra, y.getYear() + "年购进" + what + "设备、器具：" + list + "；合计提前扣除 " + money(extra),
                "递延缴纳（以后年度少扣除）");
    }

    /**
     * The tax saved in the as-of tax year by deducting {@code extra} more: tax(income + extra) − tax(income), where
     * {@code annualTaxableIncomeYuan} is the income as filed (after the deduction) and tax() is the enterprise's own
     * regime: 小型微利 brackets while income + extra stays within the cap, else the statutory (or 高新技术 15 %) rate.
     */
    private static Amount deductionSaving(Enterprise e, BigDecimal extra, String head, String kind) {
        Long income = e.getAnnualTaxableIncomeYuan();
        List<String> missing = new ArrayList<>();
        if (income == null) missing.add("annualTaxableIncomeYuan");
        Boolean slp = e.getSmallLowProfit();
        if (slp == null) for (String m : e.smallLowProfitMissing) add(missing, m);
        Boolean highTech = Boolean.TRUE.equals(slp) ? Boolean.FALSE : e.holds(Designation.HIGH_TECH);
        if (highTech == null) add(missing, "designations");
        if (!missing.isEmpty()) return Amount.missing(missing);
        // 0 as filed may be a loss: the deduction then saves nothing this year, or it may have absorbed income
        if (income == 0) return new Amount(null, null, head + "；应纳税所得额为0（可能为亏损），需扣除前的应纳税所得额才能确定少缴税额",
                List.of("annualTaxableIncomeYuan"));
        LocalDate y = taxYear(e);
        BigDecimal with = citTax(BigDecimal.valueOf(income), slp, highTech, y).tax;
        BigDecimal without = BigDecimal.valueOf(income).add(extra);       // exact: rounded once, at the saving
        Cit w = citTax(without, slp, highTech, y);
        long saved = round(w.tax.subtract(with));
        return Amount.of(saved, AmountPeriod.PER_YEAR, head + "；" + y.getYear() + "纳税年度应纳税所得额（扣除后）" + money(income)
                + "，不扣除时 " + money(without) + " 应纳 " + w.text + "，扣除后应纳 " + money(with) + "；" + kind + "少缴 " + money(saved));
    }

    private record Cit(BigDecimal tax, String text, String tier) {}

    /** The tax on a taxable income under the enterprise's regime (see {@link #deductionSaving}). */
    private static Cit citTax(BigDecimal income, boolean slp, boolean highTech, LocalDate y) {
        if (slp) {
            Cit c = citSmallLowProfitTax(income, y);
            if (c != null) return c;
        }
        BigDecimal rate = highTech ? Parameters.value("cit.high_tech_rate", y) : Parameters.value("cit.statutory_rate", y);
        BigDecimal tax = income.multiply(rate);
        return new Cit(tax, money(income) + "×" + pct(rate) + " = " + money(tax), highTech ? "高新技术企业" : "法定税率");
    }

    /** The 小型微利 bracket tax, or null when the income is over the cap. */
    private static Cit citSmallLowProfitTax(long income, LocalDate y) { return citSmallLowProfitTax(BigDecimal.valueOf(income), y); }

    private static Cit citSmallLowProfitTax(BigDecimal income, LocalDate y) {
        BigDecimal l1 = Parameters.value("cit.small_low_profit.bracket1_limit", y);
        BigDecimal l2 = Parameters.value("cit.small_low_profit.max_taxable_income", y);
        if (income.compareTo(l2) > 0) return null;
        BigDecimal s1 = Parameters.value("cit.small_low_profit.bracket1_share", y), s2 = Parameters.value("cit.small_low_profit.bracket2_share", y);
        BigDecimal r = Parameters.value("cit.small_low_profit.rate", y);
        BigDecimal b1 = income.min(l1), b2 = income.subtract(l1).max(BigDecimal.ZERO);
        BigDecimal t1 = b1.multiply(s1).multiply(r), t2 = b2.multiply(s2).multiply(r);
        BigDecimal tax = t1.add(t2);
        String text = money(b1) + "×" + pct(s1) + "×" + pct(r) + (b2.signum() > 0 ? " + " + money(b2) + "×" + pct(s2) + "×" + pct(r) : "") + " = " + money(tax);
        String tier = b2.signum() > 0 ? "第二档：超过" + money(l1) + "、不超过" + money(l2) : "第一档：不超过" + money(l1);
        return new Cit(tax, text, tier);
    }

    // ---- 增值税 ------------------------------------------------------------------------------------

    /**
     * 小规模纳税人免征增值税: each month's sales × the levy it is no longer charged — the rate that would apply on
     * the as-of date without the exemption (3 % from 2022-04-01, 1 % while the reduced rate ran).
     */
    public static Amount vatSmallScaleExemption(Enterprise e) { return guard(() -> vatSmallScaleExemption0(e)); }

    private static Amount vatSmallScaleExemption0(Enterprise e) {
        Long sales = e.getMonthlySalesYuan();
        if (sales == null) return Amount.missing("monthlySalesYuan");
        BigDecimal rate = Parameters.value("vat.small_scale.levy_rate_in_force", e.asOf);
        long saved = round(BigDecimal.valueOf(sales).multiply(rate));
        return Amount.of(saved, AmountPeriod.PER_MONTH, "月销售额 " + money(sales) + " × " + pct(rate) + "征收率 = " + money(saved)
                + "/月（不免征时" + e.asOf + "适用的征收率下应纳的税额；有效期内每月按此计）");
    }

    /**
     * 加计抵减 (公告2019年第39号, 第87号; 2022年第11号): the year's deductible input VAT × 15 % for a 生活性服务业
     * taxpayer, 10 % for other service taxpayers. Which one is decided by the sales share (the rule's confirm list);
     * here by industry: 生活服务 (财税〔2016〕36号 注释) as GB/T 4754 O 居民服务, P 教育, Q 卫生, R 文化体育娱乐, H 住宿餐饮.
     */
    public static Amount vatSuperDeduction(Enterprise e) { return guard(() -> vatSuperDeduction0(e)); }

    private static Amount vatSuperDeduction0(Enterprise e) {
        Long input = e.profile().deductibleInputVatYuan;
        List<String> missing = new ArrayList<>();
        if (input == null) missing.add("deductibleInputVatYuan");
        if (e.getSection() == null) missing.add("industryCode");
        if (!missing.isEmpty()) return Amount.missing(missing);
        boolean life = "HOPQR".contains(e.getSection());
        BigDecimal ratio = Parameters.value(life ? "vat.super_deduction.life_services" : "vat.super_deduction.producer_services", e.asOf);
        long amount = round(BigDecimal.valueOf(input).multiply(ratio));
        return Amount.of(amount, AmountPeriod.PER_YEAR, "可抵扣进项税额 " + money(input) + " × 加计抵减比例 " + pct(ratio) + "（"
                + (life ? "生活性服务业" : "生产性服务业") + "，按行业门类" + e.getSection() + "判断）= " + money(amount)
                + "/年（当年可计提的加计抵减额，抵减应纳税额，不足抵减的结转）");
    }

    // ---- 六税两费 ----------------------------------------------------------------------------------

    /** “六税两费”减征: the year's 六税两费 before reduction × the 50 % ceiling most provinces apply. */
    public static Amount sixTaxesTwoFees(Enterprise e) { return guard(() -> sixTaxesTwoFees0(e)); }

    private static Amount sixTaxesTwoFees0(Enterprise e) {
        Long due = e.profile().sixTaxesTwoFeesYuan;
        if (due == null) return Amount.missing("sixTaxesTwoFeesYuan");
        BigDecimal share = Parameters.value("local_taxes.six_taxes_two_fees.max_reduction", e.asOf);
        long saved = round(BigDecimal.valueOf(due).multiply(share));
        return Amount.of(saved, AmountPeriod.PER_YEAR, "“六税两费”年应纳税额（减征前）" + money(due) + " × 减征幅度 " + pct(share)
                + " = " + money(saved) + "/年（按省级确定的幅度上限" + pct(share) + "计）");
    }

    // ---- 社会保险 ----------------------------------------------------------------------------------

    /**
     * 阶段性降低失业保险费率: the year's payroll × (statutory 3 % − reduced 1 %), employer and staff together. The
     * 工伤保险 part of a combined measure is not counted (its rate depends on the industry risk class and province).
     */
    public static Amount unemploymentRateCut(Enterprise e, boolean withWorkInjury) { return guard(() -> unemploymentRateCut0(e, withWorkInjury)); }

    private static Amount unemploymentRateCut0(Enterprise e, boolean withWorkInjury) {
        Long payroll = e.profile().socialInsurancePayrollYuan;
        if (payroll == null) return Amount.missing("socialInsurancePayrollYuan");
        BigDecimal st = Parameters.value("social_insurance.unemployment.statutory_rate", e.asOf);
        BigDecimal now = Parameters.value("social_insurance.unemployment.reduced_rate", e.asOf);
        long saved = round(BigDecimal.valueOf(payroll).multiply(st.subtract(now)));
        return Amount.of(saved, AmountPeriod.PER_YEAR, "缴费工资总额 " + money(payroll) + " ×（法定费率" + pct(st) + " − 现行费率" + pct(now)
                + "）= " + money(saved) + "/年（单位和职工合计）" + (withWorkInjury ? "；工伤保险降费未计（费率随行业风险类别和省级规定）" : ""));
    }

    /** 失业保险稳岗返还: last year's unemployment insurance paid × the refund ratio of the enterprise's size tier. */
    public static Amount jobRetentionRefund(Enterprise e) { return guard(() -> jobRetentionRefund0(e)); }

    private static Amount jobRetentionRefund0(Enterprise e) {
        Long paid = e.getUnemploymentInsurancePaidYuan();
        Boolean sme = e.getSme();
        List<String> missing = new ArrayList<>();
        if (paid == null) missing.add("unemploymentInsurancePaidYuan");
        if (sme == null) for (String m : e.scaleMissing) add(missing, m);
        if (!missing.isEmpty()) return Amount.missing(missing);
        return refund(e, paid, sme ? "social_insurance.job_retention_refund.sme_ratio" : "social_insurance.job_retention_refund.large_ratio",
                sme ? "中小微企业" : "大型企业");
    }

    /** 大型企业稳岗返还提至50% (国发〔2022〕12号). */
    public static Amount jobRetentionRefundLargeRaised(Enterprise e) { return guard(() -> jobRetentionRefundLargeRaised0(e)); }

    private static Amount jobRetentionRefundLargeRaised0(Enterprise e) {
        Long paid = e.getUnemploymentInsurancePaidYuan();
        if (paid == null) return Amount.missing("unemploymentInsurancePaidYuan");
        return refund(e, paid, "social_insurance.job_retention_refund.large_ratio_raised", "大型企业（提高后）");
    }

    private static Amount refund(Enterprise e, long paid, String ratioName, String tier) {
        BigDecimal ratio = Parameters.value(ratioName, e.asOf);
        long refund = round(BigDecimal.valueOf(paid).multiply(ratio));
        return Amount.of(refund, AmountPeriod.ONE_OFF, "上年度实际缴纳失业保险费 " + money(paid) + " × 返还比例 " + pct(ratio) + "（" + tier + "）= "
                + money(refund) + "（一次性返还）");
    }

    // ---- 房租 --------------------------------------------------------------------------------------

    /** 减免国有房屋租金 for a number of months: the state premises' monthly rent × months. */
    public static Amount stateRent(Enterprise e, int months) { return guard(() -> stateRent0(e, months)); }

    private static Amount stateRent0(Enterprise e, int months) {
        Long rent = e.getStatePremisesMonthlyRentYuan();
        if (rent == null) return Amount.missing(e.missingInputs("statePremisesMonthlyRentYuan"));
        long total = Math.multiplyExact(rent, (long) months);
        return Amount.of(total, AmountPeriod.ONE_OFF, "国有房屋月租金 " + money(rent) + " × " + months + "个月 = " + money(total));
    }

    /**
     * 3 months of rent, 6 in a county with a 2022 risk designation: with the risk unknown the amount waits for
     * the --risk-areas data (the working gives the 3-month floor) rather than guessing the months.
     */
    public static Amount stateRentByRisk(Enterprise e, Boolean risk) {
        if (risk != null) return stateRent(e, risk ? 6 : 3);
        Amount floor = stateRent(e, 3);
        if (floor.yuan() == null) return floor;
        List<String> missing = new ArrayList<>(e.missingInputs("countyRiskThisYear"));
        return new Amount(null, null, "至少 " + floor.working() + "；所在县级行政区域2022年被列为疫情中高风险地区的为6个月，缺风险区数据", missing);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /**
     * A formula asked on a date its parameters do not cover (e.g. a refund ratio before the first year on file)
     * fixes no amount: null, with the reason as working, rather than a failed match.
     */
    private static Amount guard(java.util.function.Supplier<Amount> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException ex) {
            // the parameter names and dates of the message are for developers; the reader is told what it means
            return new Amount(null, null, "无法计算：评估日期不在所需法定参数（税率、比例或限额）的施行期间内", List.of());
        }
    }

    /** 1 January of the as-of year: the tax year a yearly figure belongs to. */
    static LocalDate taxYear(Enterprise e) { return LocalDate.of(e.asOf.getYear(), 1, 1); }

    private static void add(List<String> l, String s) { if (!l.contains(s)) l.add(s); }

    /** Whole yuan, half up (元以下四舍五入). */
    static long round(BigDecimal v) { return v.setScale(0, RoundingMode.HALF_UP).longValueExact(); }

    /** "150万元", "7.5万元", "585221元", "3125.5元": 万元 when that is exact to four digits, else yuan. */
    static String money(BigDecimal v) {
        BigDecimal s = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();   // shown to the fen; computed exactly
        BigDecimal wan = s.movePointLeft(4).stripTrailingZeros();
        if (s.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0 && wan.scale() <= 2) return wan.toPlainString() + "万元";
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString() + "元";
    }

    static String money(long v) { return money(BigDecimal.valueOf(v)); }

    /** "12.5%". */
    static String pct(BigDecimal ratio) {
        BigDecimal p = ratio.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }
}
