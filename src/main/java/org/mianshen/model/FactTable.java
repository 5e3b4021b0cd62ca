package org.mianshen.model;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The fact vocabulary of the rules in one table: every name a condition may use, with its Chinese label, how its
 * value is read from an {@link Enterprise}, and which profile inputs it needs when it is unknown (→ NEEDS_INFO).
 * {@code Enterprise.VOCABULARY}, {@code Enterprise.missingInputs}, {@code Enterprise.rawValue} and the labels of
 * reasons and explanations are all derived from it, so a fact added here is known everywhere and a fact missing here
 * is an error, never a silent ELIGIBLE ({@code FactTableTest} checks that every fact a rule names resolves).
 *
 * <p>Profile fields documented with {@link Fact} enter the table by themselves (label from the annotation, value
 * the field, input the field itself); derived facts and facts with arguments are listed below.
 */
public final class FactTable {
    private FactTable() {}

    /**
     * One fact.
     *
     * @param name   the identifier rules write
     * @param label  its Chinese name
     * @param value  its value for an enterprise (a fact with arguments: the list or value it is computed from)
     * @param inputs the profile inputs it needs and the enterprise lacks (empty: known)
     */
    public record Entry(String name, String label, Function<Enterprise, Object> value, Function<Enterprise, List<String>> inputs) {}

    private static final Map<String, Entry> TABLE = build();

    /** Every fact name, in table order. */
    public static Set<String> names() { return TABLE.keySet(); }

    /** The fact; an unknown name is a programming error, not an unknown value. */
    public static Entry of(String name) {
        Entry e = TABLE.get(name);
        if (e == null) throw new IllegalArgumentException("'" + name + "' is not a fact of the vocabulary (model/FactTable)");
        return e;
    }

    /** The fact's label, or null when the name is not a fact. */
    public static String label(String name) {
        Entry e = TABLE.get(name);
        return e == null ? null : e.label();
    }

    private static Map<String, Entry> build() {
        Map<String, Entry> t = new LinkedHashMap<>();
        // ---- profile inputs: known when the field is present
        for (Field f : Profile.class.getFields()) {
            Fact fact = f.getAnnotation(Fact.class);
            if (fact == null) continue;
            String name = f.getName();
            Function<Enterprise, Object> read = e -> {
                try { return f.get(e.profile()); } catch (IllegalAccessException ex) { throw new IllegalStateException(ex); }
            };
            put(t, name, fact.label(), read, e -> read.apply(e) == null ? List.of(name) : List.of());
        }
        // ---- derived from the kind of body (USCC, registry type, name)
        Function<Enterprise, List<String>> kind = e -> e.entityType == null ? List.of("entityType") : List.of();
        put(t, "entityType", "主体类型", e -> e.entityType, kind);
        put(t, "individualBusiness", "个体工商户", Enterprise::getIndividualBusiness, kind);
        put(t, "marketEntity", "企业、个体工商户或农民专业合作社", Enterprise::getMarketEntity, kind);
        put(t, "citPayer", "企业所得税纳税人", Enterprise::getCitPayer, kind);
        put(t, "legalForm", "组织形式", e -> e.legalForm, e -> e.legalForm == null ? List.of("legalForm") : List.of());
        put(t, "branch", "分支机构", e -> e.branch, e -> e.branch == null ? List.of("branch") : List.of());
        put(t, "regionSource", "所在地来源", e -> e.regionSource, e -> e.regionSource == null ? List.of("regionCode") : List.of());
        // ---- size (300号) and 小型微利
        put(t, "scale", "企业规模", e -> e.scale, e -> e.scale == null ? e.scaleMissing : List.of());
        Function<Enterprise, List<String>> sme = e -> e.scale == null && !e.nonEnterpriseBody() ? e.scaleMissing : List.of();
        put(t, "sme", "中小微企业", Enterprise::getSme, sme);
        put(t, "smallMicro", "小微企业", Enterprise::getSmallMicro, sme);
        put(t, "smeOrIndividual", "中小微企业或个体工商户", Enterprise::getSmeOrIndividual,
                e -> e.getSmeOrIndividual() == null ? e.scaleMissing : List.of());
        put(t, "smallMicroOrIndividual", "小微企业或个体工商户", Enterprise::getSmallMicroOrIndividual,
                e -> e.getSmallMicroOrIndividual() == null ? e.scaleMissing : List.of());
        put(t, "smallLowProfit", "小型微利企业", e -> e.smallLowProfit, e -> e.smallLowProfit == null ? e.smallLowProfitMissing : List.of());
        // ---- industry (GB/T 4754)
        Function<Enterprise, List<String>> industry = e -> e.section == null ? List.of("industryCode") : List.of();
        put(t, "section", "行业门类", e -> e.section, industry);
        put(t, "division", "行业大类", e -> e.division, industry);
        put(t, "manufacturing", "制造业", Enterprise::getManufacturing, industry);
        put(t, "industryIn", "所属行业", e -> e.profile().industryCode, industry);
        put(t, "serviceIndustry", "服务业(第三产业)", e -> e.serviceIndustry, e -> e.serviceIndustry == null ? List.of("industryCode") : List.of());
        // ---- place (GB/T 2260) and risk areas
        put(t, "province", "所在省", e -> e.province, e -> e.province == null ? List.of("regionCode") : List.of());
        put(t, "prefecture", "所在市", e -> e.prefecture, e -> e.prefecture == null ? List.of("regionCode") : List.of());
        put(t, "county", "所在县", e -> e.county, e -> e.county == null ? List.of("regionCode") : List.of());
        put(t, "countyRiskThisYear", "所在县当年有疫情中高风险区", e -> e.countyRiskThisYear, e -> e.countyRiskThisYear != null ? List.of()
                : !e.riskDataLoaded && e.county != null ? List.of("riskAreas") : List.of("regionCode"));
        put(t, "prefectureRiskThisYear", "所在地市当年有疫情中高风险区", e -> e.prefectureRiskThisYear, e -> e.prefectureRiskThisYear != null ? List.of()
                : !e.riskDataLoaded && e.prefecture != null ? List.of("riskAreas") : List.of("regionCode"));
        // ---- designations, premises, loans, establishment
        Function<Enterprise, List<String>> designations = e -> e.profile().designations == null ? List.of("designations") : List.of();
        put(t, "holds", "认定资质", e -> e.profile().designations, designations);
        put(t, "holdsAny", "认定资质", e -> e.profile().designations, designations);
        put(t, "rentsStatePremises", "承租国有房屋", Enterprise::getRentsStatePremises,
                e -> e.profile().premises == null ? List.of("premises") : List.of());
        Function<Enterprise, List<String>> stateRent = e -> e.profile().premises == null ? List.of("premises")
                : e.getStatePremisesMonthlyRentYuan() == null ? List.of("premises[].monthlyRentYuan") : List.of();
        put(t, "statePremisesMonthlyRentYuan", "国有房屋月租金", Enterprise::getStatePremisesMonthlyRentYuan, stateRent);
        put(t, "stateRentForMonths", "国有房屋租金", Enterprise::getStatePremisesMonthlyRentYuan, stateRent);
        Function<Enterprise, List<String>> loans = e -> e.profile().loans == null ? List.of("loans") : List.of();
        put(t, "borrows", "有贷款", Enterprise::getBorrows, loans);
        put(t, "hasLoan", "贷款", e -> e.profile().loans, loans);
        put(t, "hasLoanGuaranteedBy", "贷款担保", e -> e.profile().loans, loans);
        put(t, "loanPrincipal", "贷款本金", e -> e.profile().loans, loans);
        put(t, "hasLoanMaturingBetween", "贷款到期日", e -> e.profile().loans, loans);
        put(t, "yearsSinceEstablished", "成立年限", Enterprise::getYearsSinceEstablished,
                e -> e.profile().establishedOn == null ? List.of("establishedOn") : List.of());
        // ---- list helpers: which item field is missing depends on the filter (Enterprise.missingInputs(name, args))
        put(t, "countHires", "新招用人数", e -> e.profile().hires, e -> e.profile().hires == null ? List.of("hires") : List.of());
        put(t, "countLoans", "贷款笔数", e -> e.profile().loans, loans);
        put(t, "sumLoans", "贷款金额合计", e -> e.profile().loans, loans);
        Function<Enterprise, List<String>> premises = e -> e.profile().premises == null ? List.of("premises") : List.of();
        put(t, "countPremises", "承租房屋处数", e -> e.profile().premises, premises);
        put(t, "sumPremises", "承租房屋金额合计", e -> e.profile().premises, premises);
        return Collections.unmodifiableMap(t);
    }

    private static void put(Map<String, Entry> t, String name, String label, Function<Enterprise, Object> value,
                            Function<Enterprise, List<String>> inputs) {
        t.put(name, new Entry(name, label, value, inputs));
    }
}
