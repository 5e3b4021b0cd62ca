package org.mianshen.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The input contract: one enterprise as a registry or a consultant knows it (ARCHITECTURE §2).
 * Every field but {@code uscc} is optional and a missing value is unknown, never false or zero.
 * The {@link Fact} annotations are the one place each field is documented; {@code mianshen schema}
 * prints them as JSON Schema and the CSV reader maps the same names.
 */
public class Profile {
    @Fact(label = "统一社会信用代码", description = "18 characters, GB 32100-2015 and GB 11714 check characters verified")
    public String uscc;
    @Fact(label = "名称", description = "enterprise name")
    public String name;
    @Fact(label = "主体类型", description = "ENTERPRISE (企业), INDIVIDUAL_BUSINESS (个体工商户), FARMER_COOPERATIVE (农民专业合作社), GOVERNMENT_AGENCY (机关), PUBLIC_INSTITUTION (事业单位), SOCIAL_ORGANIZATION (社会团体), PRIVATE_NON_ENTERPRISE (民办非企业单位), FOUNDATION (基金会), TRADE_UNION (工会), LEGAL_SERVICE (律师事务所等), RELIGIOUS_BODY (宗教活动场所), RURAL_COLLECTIVE (农村集体经济组织), OTHER_BODY (其他机构); default from registrationType, else USCC positions 1-2 (91/92/93, 11/12, 51/52/53, 81, …). Only the first three can be 中小微企业")
    public EntityType entityType;
    @Fact(label = "企业组织形式", description = "LIMITED_LIABILITY (有限责任公司), JOINT_STOCK (股份有限公司), NON_COMPANY_LEGAL_PERSON (全民/集体所有制等非公司企业法人), SOLE_PROPRIETORSHIP (个人独资企业), PARTNERSHIP (合伙企业); default from registrationType, else the name (…有限公司, …（普通合伙）). 个人独资 and 合伙 pay no 企业所得税")
    public LegalForm legalForm;
    @Fact(label = "分支机构", description = "true for a branch (分公司, 分支机构, 非法人): its legal entity holds the benefits; default from registrationType, else a name ending in 分公司")
    public Boolean branch;
    @Fact(label = "登记类型", description = "the registry's 企业类型 / 市场主体类型 as written, e.g. 有限责任公司(自然人独资), 个人独资企业, 普通合伙企业, 有限责任公司分公司, 个体工商户, 农民专业合作社; read for entityType, legalForm and branch when those are not given")
    public String registrationType;
    @Fact(label = "所在地行政区划代码", description = "GB/T 2260 6-digit county code where the enterprise operates, e.g. 410724 获嘉县; when absent, USCC positions 3-8 (the registering office's code) are used, retired codes followed to their successors")
    public String regionCode;
    @Fact(label = "行业代码", description = "GB/T 4754-2017 code: 4-digit class, 3-digit group, 2-digit division or section letter")
    public String industryCode;
    @Fact(label = "从业人员", unit = "persons", description = "从业人员 (期末, else annual average), includes 劳务派遣")
    public Integer employees;
    @Fact(label = "营业收入", unit = "yuan", description = "营业收入 of the prior year")
    public Long operatingRevenueYuan;
    @Fact(label = "资产总额", unit = "yuan", description = "资产总额 (资产总计) at the prior year end")
    public Long totalAssetsYuan;
    @Fact(label = "申报规模", description = "declared size LARGE/MEDIUM/SMALL/MICRO; wins over the 300号 classification (a disagreement is a warning)")
    public Scale scale;
    @Fact(label = "增值税纳税人类型", description = "SMALL_SCALE (小规模纳税人) or GENERAL (一般纳税人)")
    public VatTaxpayer vatTaxpayer;
    @Fact(label = "月销售额", unit = "yuan", description = "VAT taxable sales per month (quarterly filers: quarter ÷ 3)")
    public Long monthlySalesYuan;
    @Fact(label = "年销售额", unit = "yuan", description = "应征增值税销售额 of the prior year (used by 制造业缓缴 and 留抵退税 size tests)")
    public Long annualSalesYuan;
    @Fact(label = "应纳税所得额", unit = "yuan", description = "企业所得税 年度应纳税所得额")
    public Long annualTaxableIncomeYuan;
    @Fact(label = "纳税信用等级", description = "A, B, M, C or D")
    public TaxCreditRating taxCreditRating;
    @Fact(label = "留抵税额", unit = "yuan", description = "增值税期末留抵税额")
    public Long excessInputVatYuan;
    @Fact(label = "认定资质", description = "designations held, e.g. SPECIALIZED_SME_PROVINCIAL, LITTLE_GIANT_NATIONAL, HIGH_TECH, TECH_SME; [] = none, absent = unknown")
    public List<Designation> designations;
    @Fact(label = "承租房屋", description = "premises the enterprise rents: [{ownership, monthlyRentYuan, regionCode}]; [] = rents none")
    public List<Premises> premises;
    @Fact(label = "新招用人员", description = "hires this year: [{category, count, contractMonths, socialInsurance, hiredOn, householdRegion}]; [] = none")
    public List<Hire> hires;
    @Fact(label = "参保职工人数", unit = "persons", description = "employees insured (失业保险参保人数)")
    public Integer insuredEmployees;
    @Fact(label = "上年裁员率", unit = "ratio 0..1", description = "prior-year layoff rate (裁员率), 0 = no layoffs")
    public BigDecimal layoffRate;
    @Fact(label = "上年失业保险费", unit = "yuan", description = "unemployment insurance paid by the enterprise and its staff in the prior year")
    public Long unemploymentInsurancePaidYuan;
    @Fact(label = "贷款", description = "loans and credit lines: [{kind, principalYuan, creditLineYuan, maturity, guarantor, annualRatePercent, guaranteeFeeRatePercent}]; [] = none")
    public List<Loan> loans;
    @Fact(label = "成立日期", unit = "date", description = "date of establishment (ISO yyyy-mm-dd)")
    public LocalDate establishedOn;
    @Fact(label = "研发费用", unit = "yuan", description = "research and development expenses of the year (研发费用)")
    public Long rdExpenseYuan;
    @Fact(label = "转供电用户", description = "true when the enterprise buys electricity through an intermediate supplier (转供电主体: industrial park, commercial complex, property manager) rather than from the grid company")
    public Boolean transferPowerSupply;
    @Fact(label = "房产税实缴税额", unit = "yuan", description = "房产税 actually paid for the tax year the measure refers to (e.g. the prior year), after any reduction already granted")
    public Long propertyTaxPaidYuan;
    @Fact(label = "社保缴费工资总额", unit = "yuan", description = "annual payroll on which unemployment insurance is paid (缴费工资总额, 上年); amounts of the unemployment-insurance rate cuts")
    public Long socialInsurancePayrollYuan;
    @Fact(label = "六税两费应纳税额", unit = "yuan", description = "the year's 资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税、教育费附加、地方教育附加 before any 减征 (上年; a registry holds 已缴 + 减免): amount of the 六税两费 halving")
    public Long sixTaxesTwoFeesYuan;
    @Fact(label = "购进设备器具", description = "equipment and apparatus bought: [{costYuan, depreciationYears, acquiredOn}]; [] = none bought; amounts of the one-off deduction measures")
    public List<Equipment> equipmentPurchases;
    @Fact(label = "可抵扣进项税额", unit = "yuan", description = "增值税一般纳税人 当期可抵扣进项税额 for a year (上年): amount of the 加计抵减 for service taxpayers")
    public Long deductibleInputVatYuan;
}
