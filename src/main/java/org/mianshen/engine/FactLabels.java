package org.mianshen.engine;

import org.mianshen.model.Fact;
import org.mianshen.model.Profile;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

/** Chinese names of the facts rules use, for reasons, explanations and missing-fact messages. */
public final class FactLabels {
    private FactLabels() {}

    private static final Map<String, String> LABELS = build();

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (Field f : Profile.class.getFields()) {
            Fact fact = f.getAnnotation(Fact.class);
            if (fact != null) m.put(f.getName(), fact.label());
        }
        m.put("scale", "企业规模");
        m.put("sme", "中小微企业");
        m.put("smallMicro", "小微企业");
        m.put("smeOrIndividual", "中小微企业或个体工商户");
        m.put("smallMicroOrIndividual", "小微企业或个体工商户");
        m.put("individualBusiness", "个体工商户");
        m.put("marketEntity", "企业、个体工商户或农民专业合作社");
        m.put("citPayer", "企业所得税纳税人");
        m.put("regionSource", "所在地来源");
        m.put("smallLowProfit", "小型微利企业");
        m.put("section", "行业门类");
        m.put("division", "行业大类");
        m.put("serviceIndustry", "服务业(第三产业)");
        m.put("manufacturing", "制造业");
        m.put("industryIn", "所属行业");
        m.put("province", "所在省");
        m.put("prefecture", "所在市");
        m.put("county", "所在县");
        m.put("countyRiskThisYear", "所在县当年有疫情中高风险区");
        m.put("prefectureRiskThisYear", "所在地市当年有疫情中高风险区");
        m.put("holds", "认定资质");
        m.put("holdsAny", "认定资质");
        m.put("rentsStatePremises", "承租国有房屋");
        m.put("statePremisesMonthlyRentYuan", "国有房屋月租金");
        m.put("stateRentForMonths", "国有房屋租金");
        m.put("hasLoan", "贷款");
        m.put("borrows", "有贷款");
        m.put("hasLoanGuaranteedBy", "贷款担保");
        m.put("loanPrincipal", "贷款本金");
        m.put("hasLoanMaturingBetween", "贷款到期日");
        m.put("yearsSinceEstablished", "成立年限");
        m.put("countHires", "新招用人数");
        m.put("countLoans", "贷款笔数");
        m.put("sumLoans", "贷款金额合计");
        m.put("countPremises", "承租房屋处数");
        m.put("sumPremises", "承租房屋金额合计");
        m.put("riskAreas", "疫情中高风险区数据 (--risk-areas)");
        m.put("premises[].monthlyRentYuan", "承租房屋月租金");
        return Map.copyOf(m);
    }

    /** "从业人员 (employees)"-style label; the bare name when unknown. */
    public static String label(String identifier) {
        String l = LABELS.get(identifier);
        if (l == null) l = itemLabel(identifier);
        return l == null ? identifier : l;
    }

    /** "hires[].socialInsurance" → "新招用人员的参加社会保险": the list's label and the item field's. */
    private static String itemLabel(String identifier) {
        if (identifier.endsWith("[]")) {
            // a rule-file function gave no answer on a known list: some item lacks what it needed
            String list = LABELS.get(identifier.substring(0, identifier.length() - 2));
            return list == null ? null : list + "（某项信息不全）";
        }
        int i = identifier.indexOf("[].");
        if (i < 0) return null;
        try {
            Field list = Profile.class.getField(identifier.substring(0, i));
            Class<?> item = (Class<?>) ((java.lang.reflect.ParameterizedType) list.getGenericType()).getActualTypeArguments()[0];
            Fact l = list.getAnnotation(Fact.class), f = item.getField(identifier.substring(i + 3)).getAnnotation(Fact.class);
            return l == null || f == null ? null : l.label() + "的" + f.label();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Label followed by the field name, for missing-fact lists a registry operator can act on. */
    public static String withName(String identifier) {
        String l = label(identifier);
        return l.equals(identifier) ? identifier : l + " (" + identifier + ")";
    }
}
