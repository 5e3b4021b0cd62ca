package org.mianshen.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fact the rules match: a {@link Profile} plus the facts derived from national standards
 * (scale, 小型微利, industry section, region levels, risk designations) and the as-of date.
 *
 * <p>Getters return {@code null} for unknown facts. Rules test them with the unknown-permissive
 * functions of {@code org.mianshen.engine.Conditions}; {@link #missingInputs(String)} says which
 * profile inputs an unknown fact needs, so a measure can be reported as {@code NEEDS_INFO}.
 *
 * <p>Derived fields are set once by {@code org.mianshen.engine.Deriver} before the fact is inserted
 * and never change afterwards (rules do not modify facts).
 */
public final class Enterprise {
    private final Profile p;

    // derived, set by the Deriver
    public EntityType entityType;
    public LegalForm legalForm;
    public Boolean branch;
    /** Where province/prefecture/county came from: "profile" (regionCode), "USCC" (positions 3-8), or null (none). */
    public String regionSource;
    public Scale scale;
    public String scaleBasis;
    public List<String> scaleMissing = List.of();
    public Boolean smallLowProfit;
    public List<String> smallLowProfitMissing = List.of();
    public String section;
    public String division;
    public String industryGroup;
    public Boolean serviceIndustry;
    public String province;
    public String prefecture;
    public String county;
    public Boolean countyRiskThisYear;
    public Boolean prefectureRiskThisYear;
    public boolean riskDataLoaded;
    public LocalDate asOf;
    public long asOfDay;
    public final List<String> warnings = new ArrayList<>(2);

    /** Entitlements recorded by rule consequences ({@code $e.grant(drools)}). */
    public final List<Grant> hits = new ArrayList<>(16);
    /** Set by the engine: turns a rule context into a recorded entitlement. */
    public transient GrantSink sink;

    public Enterprise(Profile p) { this.p = p; }

    public Profile profile() { return p; }

    /**
     * Called from rule consequences ({@code $e.grant(drools)}): records that the firing rule's measure
     * applies. {@code drools} is the rule context of whichever Drools runtime fired the rule (runtime DRL
     * or the precompiled executable model).
     */
    public Grant grant(Object drools) { return sink.grant(this, drools); }

    /** Implemented by the engine; keeps the model free of engine classes. */
    public interface GrantSink { Grant grant(Enterprise e, Object drools); }

    // ---- raw profile facts -------------------------------------------------------------------
    public String getUscc() { return p.uscc; }
    public String getName() { return p.name; }
    public EntityType getEntityType() { return entityType; }
    public String getRegionCode() { return p.regionCode; }
    public String getIndustryCode() { return p.industryCode; }
    public Integer getEmployees() { return p.employees; }
    public Long getOperatingRevenueYuan() { return p.operatingRevenueYuan; }
    public Long getTotalAssetsYuan() { return p.totalAssetsYuan; }
    public VatTaxpayer getVatTaxpayer() { return p.vatTaxpayer; }
    public Long getMonthlySalesYuan() { return p.monthlySalesYuan; }
    public Long getAnnualSalesYuan() { return p.annualSalesYuan; }
    public Long getAnnualTaxableIncomeYuan() { return p.annualTaxableIncomeYuan; }
    public TaxCreditRating getTaxCreditRating() { return p.taxCreditRating; }
    public Long getExcessInputVatYuan() { return p.excessInputVatYuan; }
    public List<Designation> getDesignations() { return p.designations; }
    public List<Premises> getPremises() { return p.premises; }
    public List<Hire> getHires() { return p.hires; }
    public Integer getInsuredEmployees() { return p.insuredEmployees; }
    public BigDecimal getLayoffRate() { return p.layoffRate; }
    public Long getUnemploymentInsurancePaidYuan() { return p.unemploymentInsurancePaidYuan; }
    public List<Loan> getLoans() { return p.loans; }
    public LocalDate getEstablishedOn() { return p.establishedOn; }
    public Long getRdExpenseYuan() { return p.rdExpenseYuan; }
    public Boolean getTransferPowerSupply() { return p.transferPowerSupply; }
    public Long getPropertyTaxPaidYuan() { return p.propertyTaxPaidYuan; }

    // ---- derived facts -----------------------------------------------------------------------
    public Scale getScale() { return scale; }
    public Boolean getSmallLowProfit() { return smallLowProfit; }
    public String getSection() { return section; }
    public String getDivision() { return division; }
    public Boolean getServiceIndustry() { return serviceIndustry; }
    public Boolean getManufacturing() { return section == null ? null : "C".equals(section); }
    public String getProvince() { return province; }
    public String getPrefecture() { return prefecture; }
    public String getCounty() { return county; }
    public String getRegionSource() { return regionSource; }
    public LegalForm getLegalForm() { return legalForm; }
    public Boolean getBranch() { return branch; }

    /**
     * The place a measure's jurisdiction is tested against: the derived county, else prefecture, else province, padded
     * to six digits (the engine matches {@code province/prefecture/county}; this is the same place as one code).
     */
    public String regionForJurisdiction() {
        if (county != null) return county;
        if (prefecture != null) return prefecture + "00";
        if (province != null) return province + "0000";
        return null;
    }

    /** 企业, 个体工商户 or 农民专业合作社 (not 机关, 事业单位, 社会团体, …); null when the kind is unknown. */
    public Boolean getMarketEntity() { return entityType == null ? null : entityType.marketEntity(); }

    /**
     * Pays 企业所得税 (企业所得税法 第一条: 企业和其他取得收入的组织, except 个人独资企业 and 合伙企业): false for 个体工商户,
     * 个人独资企业, 合伙企业 and 律师事务所 (their owners pay 个人所得税); null when the kind is unknown. An enterprise whose legal
     * form is not known (no legalForm, registrationType, or a name that settles it) is taken as a payer: the forms
     * that pay no CIT are the exception, and a measure must not turn NEEDS_INFO for every nameless registry row.
     */
    public Boolean getCitPayer() {
        if (entityType == null) return null;
        if (entityType == EntityType.INDIVIDUAL_BUSINESS || entityType == EntityType.LEGAL_SERVICE) return false;
        if (entityType == EntityType.ENTERPRISE && legalForm != null) return legalForm.citPayer();
        return true;
    }
    public Boolean getCountyRiskThisYear() { return countyRiskThisYear; }
    public Boolean getPrefectureRiskThisYear() { return prefectureRiskThisYear; }
    public LocalDate getAsOf() { return asOf; }
    public long getAsOfDay() { return asOfDay; }

    /** 个体工商户. */
    public Boolean getIndividualBusiness() { return entityType == null ? null : entityType == EntityType.INDIVIDUAL_BUSINESS; }

    /** A kind of body that is no enterprise (机关, 事业单位, 社会团体, 工会, …): never a 中小微企业 whatever its size. */
    private boolean nonEnterpriseBody() { return entityType != null && !entityType.marketEntity(); }

    /** 中小微企业: scale MEDIUM, SMALL or MICRO; false for a body that is no enterprise. */
    public Boolean getSme() { return nonEnterpriseBody() ? Boolean.FALSE : scale == null ? null : scale != Scale.LARGE; }

    /** 小微企业: scale SMALL or MICRO; false for a body that is no enterprise. */
    public Boolean getSmallMicro() {
        return nonEnterpriseBody() ? Boolean.FALSE : scale == null ? null : scale == Scale.SMALL || scale == Scale.MICRO;
    }

    /** 中小微企业和个体工商户: an individual business qualifies whatever its size. */
    public Boolean getSmeOrIndividual() { return Boolean.TRUE.equals(getIndividualBusiness()) ? Boolean.TRUE : getSme(); }

    /** 小微企业和个体工商户. */
    public Boolean getSmallMicroOrIndividual() { return Boolean.TRUE.equals(getIndividualBusiness()) ? Boolean.TRUE : getSmallMicro(); }

    /** The split form of each prefix list the rules use (a handful of constants; split once, not per call). */
    private static final java.util.Map<String, String[]> PREFIXES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Industry code in any of the space-separated GB/T 4754 prefixes: a section letter ("H") or a
     * numeric prefix ("62", "591", "7010"). Null when the industry is unknown.
     */
    public Boolean industryIn(String prefixes) {
        String code = p.industryCode;
        if (code == null || section == null) return null;
        for (String pre : PREFIXES.computeIfAbsent(prefixes, k -> k.trim().split(" +"))) {
            if (pre.isEmpty()) continue;
            if (Character.isLetter(pre.charAt(0))) { if (pre.equals(section)) return true; }
            else if (code.startsWith(pre)) return true;
            else if (pre.startsWith(code)) return null; // code too coarse to decide (e.g. "62" vs "621")
        }
        return false;
    }

    /** Holds the designation; null when designations are unknown. */
    public Boolean holds(Designation d) { return p.designations == null ? null : p.designations.contains(d); }

    /** Holds any designation among the space-separated names; null when unknown. */
    public Boolean holdsAny(String names) {
        if (p.designations == null) return null;
        for (Designation d : p.designations) if (org.mianshen.model.Words.contains(names, d.name())) return true;
        return false;
    }

    /** Rents at least one state-owned premises; null when premises are unknown. */
    public Boolean getRentsStatePremises() {
        if (p.premises == null) return null;
        for (Premises x : p.premises) if (x.ownership == PremisesOwnership.STATE) return true;
        return false;
    }

    /** Monthly rent of all state-owned premises rented; null when unknown (premises or any rent unknown). */
    public Long getStatePremisesMonthlyRentYuan() {
        if (p.premises == null) return null;
        long sum = 0;
        for (Premises x : p.premises) {
            if (x.ownership != PremisesOwnership.STATE) continue;
            if (x.monthlyRentYuan == null) return null;
            sum += x.monthlyRentYuan;
        }
        return sum;
    }

    /** Rent-months × monthly rent of state-owned premises (exact), or null when the rent is unknown. */
    public Long stateRentForMonths(int months) {
        Long m = getStatePremisesMonthlyRentYuan();
        return m == null ? null : Math.multiplyExact(m, (long) months);
    }

    /** Persons hired in the category; null when hires are unknown. */
    public Integer hires(HireCategory c) { return hires(c, 0); }

    /** Persons hired in the category with a contract of at least the given months; null when unknown. */
    public Integer hires(HireCategory c, int minContractMonths) {
        if (p.hires == null) return null;
        int n = 0;
        for (Hire h : p.hires) {
            if (h.category != c) continue;
            if (minContractMonths > 0 && (h.contractMonths == null || h.contractMonths < minContractMonths)) continue;
            n += h.count == null ? 0 : h.count;
        }
        return n;
    }

    // ---- list facts counted or summed by any of their fields, unknown item by item (ListFilter) ------------

    /**
     * The helpers that count or sum a list fact's items by their fields: {@code countHires("category=GRADUATE_THIS_YEAR
     * contractMonths>=12 socialInsurance")}. Each is null when an item that could count is missing a field the filter
     * needs, and {@link #missingInputs(String, List)} names that field ({@code hires[].socialInsurance}).
     */
    public static final Set<String> LIST_FACTS = Set.of("countHires", "countLoans", "sumLoans", "countPremises", "sumPremises");

    /** Persons hired (the sum of {@code count}) in the hire groups that pass the filter; null when undecided. */
    public Integer countHires(String where) { return toInt(listResult("countHires", List.of(where)).value()); }

    /** Loans that pass the filter; null when undecided. */
    public Integer countLoans(String where) { return toInt(listResult("countLoans", List.of(where)).value()); }

    /** Sum of a yuan field ({@code principalYuan}, {@code creditLineYuan}) of the loans that pass the filter; null when undecided. */
    public Long sumLoans(String field, String where) { return toLong(listResult("sumLoans", List.of(field, where)).value()); }

    /** Rented premises that pass the filter; null when undecided. */
    public Integer countPremises(String where) { return toInt(listResult("countPremises", List.of(where)).value()); }

    /** Sum of a yuan field ({@code monthlyRentYuan}) of the premises that pass the filter; null when undecided. */
    public Long sumPremises(String field, String where) { return toLong(listResult("sumPremises", List.of(field, where)).value()); }

    /** A list helper's value with the inputs that would decide it. */
    public ListFilter.Result listResult(String helper, List<?> args) {
        return switch (helper) {
            case "countHires" -> ListFilter.of(Hire.class, "hires", (String) args.get(0)).apply(p.hires, "count", prefecture);
            case "countLoans" -> ListFilter.of(Loan.class, "loans", (String) args.get(0)).apply(p.loans, null, prefecture);
            case "sumLoans" -> ListFilter.of(Loan.class, "loans", (String) args.get(1)).apply(p.loans, sumField(Loan.class, (String) args.get(0)), prefecture);
            case "countPremises" -> ListFilter.of(Premises.class, "premises", (String) args.get(0)).apply(p.premises, null, prefecture);
            case "sumPremises" -> ListFilter.of(Premises.class, "premises", (String) args.get(1)).apply(p.premises, sumField(Premises.class, (String) args.get(0)), prefecture);
            default -> throw new IllegalArgumentException("not a list helper: " + helper);
        };
    }

    private static String sumField(Class<?> type, String field) {
        try {
            Class<?> t = type.getField(field).getType();
            if (t == Long.class || t == Integer.class) return field;
        } catch (NoSuchFieldException ignored) { }
        throw new IllegalArgumentException("'" + field + "' is not a whole-number field of " + type.getSimpleName() + " that can be summed");
    }

    /** Checks a list helper's arguments as written in a rule (field names, operators, values); the message says what is wrong. */
    public static void validateListHelper(String helper, List<?> args) {
        switch (helper) {
            case "countHires" -> ListFilter.of(Hire.class, "hires", (String) args.get(0));
            case "countLoans" -> ListFilter.of(Loan.class, "loans", (String) args.get(0));
            case "sumLoans" -> { sumField(Loan.class, (String) args.get(0)); ListFilter.of(Loan.class, "loans", (String) args.get(1)); }
            case "countPremises" -> ListFilter.of(Premises.class, "premises", (String) args.get(0));
            case "sumPremises" -> { sumField(Premises.class, (String) args.get(0)); ListFilter.of(Premises.class, "premises", (String) args.get(1)); }
            default -> throw new IllegalArgumentException("not a list helper: " + helper);
        }
    }

    private static Integer toInt(Number n) { return n == null ? null : Math.toIntExact(n.longValue()); }

    private static Long toLong(Number n) { return n == null ? null : n.longValue(); }

    /**
     * The inputs a fact with these argument values needs and lacks: for a list helper the list or the item fields
     * ({@code hires[].socialInsurance}); for any other fact as {@link #missingInputs(String)}.
     */
    public List<String> missingInputs(String identifier, List<?> args) {
        if (LIST_FACTS.contains(identifier)) return listResult(identifier, args).missing();
        return missingInputs(identifier);
    }

    /** Has any loan or credit line; null when loans are unknown. */
    public Boolean getBorrows() { return p.loans == null ? null : !p.loans.isEmpty(); }

    /** Has a loan of the kind; null when loans are unknown. */
    public Boolean hasLoan(LoanKind kind) {
        if (p.loans == null) return null;
        for (Loan l : p.loans) if (l.kind == kind) return true;
        return false;
    }

    /** Has a loan guaranteed by the guarantor kind; null when loans are unknown. */
    public Boolean hasLoanGuaranteedBy(Guarantor g) {
        if (p.loans == null) return null;
        for (Loan l : p.loans) if (l.guarantor == g) return true;
        return false;
    }

    /** Sum of loan principal of the kind; null when loans are unknown. */
    public Long loanPrincipal(LoanKind kind) {
        if (p.loans == null) return null;
        long s = 0;
        for (Loan l : p.loans) if (l.kind == kind && l.principalYuan != null) s += l.principalYuan;
        return s;
    }

    /** Has a loan maturing between the dates (inclusive); null when loans are unknown. */
    public Boolean hasLoanMaturingBetween(String from, String to) {
        if (p.loans == null) return null;
        LocalDate f = LocalDate.parse(from), t = LocalDate.parse(to);
        for (Loan l : p.loans) if (l.maturity != null && !l.maturity.isBefore(f) && !l.maturity.isAfter(t)) return true;
        return false;
    }

    /** Whole years from establishment to the as-of date; null when unknown. */
    public Integer getYearsSinceEstablished() {
        if (p.establishedOn == null || asOf == null) return null;
        return (int) java.time.temporal.ChronoUnit.YEARS.between(p.establishedOn, asOf);
    }

    /**
     * The identifiers rules may use in conditions, each mapped (in {@link #missingInputs}) to the
     * profile inputs it needs. The engine scans each rule's conditions for these names.
     */
    public static final Set<String> VOCABULARY = Set.of(
            "uscc", "name", "entityType", "regionCode", "industryCode", "employees", "operatingRevenueYuan",
            "totalAssetsYuan", "vatTaxpayer", "monthlySalesYuan", "annualSalesYuan", "annualTaxableIncomeYuan",
            "taxCreditRating", "excessInputVatYuan", "designations", "premises", "hires", "insuredEmployees",
            "layoffRate", "unemploymentInsurancePaidYuan", "loans", "establishedOn", "rdExpenseYuan",
            "transferPowerSupply", "scale", "smallLowProfit", "section", "division", "serviceIndustry", "manufacturing", "province",
            "prefecture", "county", "countyRiskThisYear", "prefectureRiskThisYear", "individualBusiness", "sme",
            "smallMicro", "smeOrIndividual", "smallMicroOrIndividual", "industryIn", "holds", "holdsAny",
            "rentsStatePremises", "statePremisesMonthlyRentYuan", "stateRentForMonths", "borrows", "hasLoan",
            "hasLoanGuaranteedBy", "loanPrincipal", "hasLoanMaturingBetween", "yearsSinceEstablished",
            "propertyTaxPaidYuan", "countHires", "countLoans", "sumLoans", "countPremises", "sumPremises",
            "legalForm", "branch", "registrationType", "regionSource", "marketEntity", "citPayer");

    /**
     * The profile inputs (field names, or {@code riskAreas} for the --risk-areas file) that the
     * identifier needs and this enterprise lacks; empty when the fact is known.
     */
    public List<String> missingInputs(String identifier) {
        return switch (identifier) {
            case "uscc", "name", "regionCode", "industryCode", "employees", "operatingRevenueYuan", "totalAssetsYuan",
                 "vatTaxpayer", "monthlySalesYuan", "annualSalesYuan", "annualTaxableIncomeYuan", "taxCreditRating",
                 "excessInputVatYuan", "designations", "premises", "hires", "insuredEmployees", "layoffRate",
                 "unemploymentInsurancePaidYuan", "loans", "establishedOn", "rdExpenseYuan", "transferPowerSupply",
                 "registrationType" ->
                    rawValue(identifier) == null ? List.of(identifier) : List.of();
            case "entityType", "individualBusiness", "marketEntity", "citPayer" ->
                    entityType == null ? List.of("entityType") : List.of();
            case "legalForm" -> legalForm == null ? List.of("legalForm") : List.of();
            case "branch" -> branch == null ? List.of("branch") : List.of();
            case "regionSource" -> regionSource == null ? List.of("regionCode") : List.of();
            case "scale" -> scale == null ? scaleMissing : List.of();
            case "sme", "smallMicro" -> scale == null && !nonEnterpriseBody() ? scaleMissing : List.of();
            case "smeOrIndividual" -> getSmeOrIndividual() == null ? scaleMissing : List.of();
            case "smallMicroOrIndividual" -> getSmallMicroOrIndividual() == null ? scaleMissing : List.of();
            case "smallLowProfit" -> smallLowProfit == null ? smallLowProfitMissing : List.of();
            case "section", "division", "manufacturing", "industryIn" ->
                    section == null ? List.of("industryCode") : List.of();
            case "serviceIndustry" -> serviceIndustry == null ? List.of("industryCode") : List.of();
            case "province" -> province == null ? List.of("regionCode") : List.of();
            case "prefecture" -> prefecture == null ? List.of("regionCode") : List.of();
            case "county" -> county == null ? List.of("regionCode") : List.of();
            case "countyRiskThisYear" -> countyRiskThisYear != null ? List.of()
                    : !riskDataLoaded && county != null ? List.of("riskAreas") : List.of("regionCode");
            case "prefectureRiskThisYear" -> prefectureRiskThisYear != null ? List.of()
                    : !riskDataLoaded && prefecture != null ? List.of("riskAreas") : List.of("regionCode");
            case "holds", "holdsAny" -> p.designations == null ? List.of("designations") : List.of();
            case "rentsStatePremises" -> p.premises == null ? List.of("premises") : List.of();
            case "statePremisesMonthlyRentYuan", "stateRentForMonths" ->
                    p.premises == null ? List.of("premises")
                            : getStatePremisesMonthlyRentYuan() == null ? List.of("premises[].monthlyRentYuan") : List.of();
            case "borrows", "hasLoan", "hasLoanGuaranteedBy", "loanPrincipal", "hasLoanMaturingBetween" ->
                    p.loans == null ? List.of("loans") : List.of();
            case "yearsSinceEstablished" -> p.establishedOn == null ? List.of("establishedOn") : List.of();
            case "propertyTaxPaidYuan" -> p.propertyTaxPaidYuan == null ? List.of("propertyTaxPaidYuan") : List.of();
            // the list helpers depend on their filter: missingInputs(name, args) says which item field is missing
            case "countHires" -> p.hires == null ? List.of("hires") : List.of();
            case "countLoans", "sumLoans" -> p.loans == null ? List.of("loans") : List.of();
            case "countPremises", "sumPremises" -> p.premises == null ? List.of("premises") : List.of();
            default -> List.of();
        };
    }

    /** The raw value of a profile field or derived property by name (for reasons and explanations). */
    public Object rawValue(String identifier) {
        return switch (identifier) {
            case "uscc" -> p.uscc;
            case "name" -> p.name;
            case "regionCode" -> p.regionCode;
            case "industryCode" -> p.industryCode;
            case "employees" -> p.employees;
            case "operatingRevenueYuan" -> p.operatingRevenueYuan;
            case "totalAssetsYuan" -> p.totalAssetsYuan;
            case "vatTaxpayer" -> p.vatTaxpayer;
            case "monthlySalesYuan" -> p.monthlySalesYuan;
            case "annualSalesYuan" -> p.annualSalesYuan;
            case "annualTaxableIncomeYuan" -> p.annualTaxableIncomeYuan;
            case "taxCreditRating" -> p.taxCreditRating;
            case "excessInputVatYuan" -> p.excessInputVatYuan;
            case "designations" -> p.designations;
            case "premises" -> p.premises;
            case "hires" -> p.hires;
            case "insuredEmployees" -> p.insuredEmployees;
            case "layoffRate" -> p.layoffRate;
            case "unemploymentInsurancePaidYuan" -> p.unemploymentInsurancePaidYuan;
            case "loans" -> p.loans;
            case "establishedOn" -> p.establishedOn;
            case "rdExpenseYuan" -> p.rdExpenseYuan;
            case "transferPowerSupply" -> p.transferPowerSupply;
            case "entityType" -> entityType;
            case "legalForm" -> legalForm;
            case "branch" -> branch;
            case "registrationType" -> p.registrationType;
            case "regionSource" -> regionSource;
            case "marketEntity" -> getMarketEntity();
            case "citPayer" -> getCitPayer();
            case "individualBusiness" -> getIndividualBusiness();
            case "scale" -> scale;
            case "sme" -> getSme();
            case "smallMicro" -> getSmallMicro();
            case "smeOrIndividual" -> getSmeOrIndividual();
            case "smallMicroOrIndividual" -> getSmallMicroOrIndividual();
            case "smallLowProfit" -> smallLowProfit;
            case "section" -> section;
            case "division" -> division;
            case "serviceIndustry" -> serviceIndustry;
            case "manufacturing" -> getManufacturing();
            case "province" -> province;
            case "prefecture" -> prefecture;
            case "county" -> county;
            case "countyRiskThisYear" -> countyRiskThisYear;
            case "prefectureRiskThisYear" -> prefectureRiskThisYear;
            case "rentsStatePremises" -> getRentsStatePremises();
            case "statePremisesMonthlyRentYuan", "stateRentForMonths" -> getStatePremisesMonthlyRentYuan();
            case "yearsSinceEstablished" -> getYearsSinceEstablished();
            case "industryIn" -> p.industryCode;
            case "holds", "holdsAny" -> p.designations;
            case "borrows" -> getBorrows();
            case "hasLoan", "hasLoanGuaranteedBy", "loanPrincipal", "hasLoanMaturingBetween" -> p.loans;
            case "propertyTaxPaidYuan" -> p.propertyTaxPaidYuan;
            case "countHires" -> p.hires;
            case "countLoans", "sumLoans" -> p.loans;
            case "countPremises", "sumPremises" -> p.premises;
            default -> null;
        };
    }
}
