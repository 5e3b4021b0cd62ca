package org.mianshen.engine;

import org.mianshen.model.Enterprise;
import org.mianshen.model.Measure;
import org.mianshen.reference.Industries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Says a {@link Condition} in Chinese a consultant can read, with the enterprise's actual values:
 * {@code ( is(vatTaxpayer, VatTaxpayer.SMALL_SCALE) || yes(smallLowProfit) || yes(individualBusiness) )} →
 * "增值税纳税人类型为增值税小规模纳税人（是）、小型微利企业（否）或个体工商户（否）之一成立". No rule code reaches the text:
 * facts by their labels ({@link FactLabels}), constants by their Chinese names, industries by their GB/T 4754 names.
 */
public final class ConditionRenderer {
    /** Labels of the rule-file functions the condition may call (from their {@code // 标签：} comment). */
    private final Map<String, String> functionLabels;
    /** The enterprise whose values are shown; null renders the condition alone. */
    private final Enterprise e;

    /** The rule-file functions compiled in the rule base, so their values can be shown; null: none. */
    private final RuleFunctions fns;

    private ConditionRenderer(Map<String, String> functionLabels, Enterprise e) { this(functionLabels, e, null); }

    private ConditionRenderer(Map<String, String> functionLabels, Enterprise e, RuleFunctions fns) {
        this.functionLabels = functionLabels == null ? Map.of() : functionLabels;
        this.e = e;
        this.fns = fns;
    }

    /** The measure's condition with the enterprise's values, rule-file functions evaluated as compiled. */
    static String reason(Condition c, Measure m, Enterprise e) {
        return new ConditionRenderer(m.functionLabels(), e, RuleFunctions.of(m)).condition(c, false);
    }

    /** The condition with the enterprise's values, e.g. "从业人员不超过300人（实际 8人）". */
    public static String reason(Condition c, Map<String, String> functionLabels, Enterprise e) {
        return new ConditionRenderer(functionLabels, e).condition(c, false);
    }

    /** The condition alone, e.g. "从业人员不超过300人". */
    public static String describe(Condition c, Map<String, String> functionLabels) {
        return new ConditionRenderer(functionLabels, null).condition(c, false);
    }

    /** The actual value a test's subject has for the enterprise, in Chinese ("8人", "6210 正餐服务", "未知"). */
    public static String actual(Condition.Test t, Map<String, String> functionLabels, Enterprise e) {
        ConditionRenderer r = new ConditionRenderer(functionLabels, e);
        return r.actualOf(t.subject());
    }

    private String condition(Condition c, boolean nested) {
        if (c instanceof Condition.All a) {
            List<String> parts = new ArrayList<>();
            for (Condition p : a.parts()) parts.add(condition(p, true));
            String s = String.join("，且", parts);
            return nested ? "〔" + s + "〕" : s;
        }
        if (c instanceof Condition.Any a) {
            List<String> parts = new ArrayList<>();
            for (Condition p : a.parts()) parts.add(condition(p, true));
            String s = String.join("、", parts.subList(0, parts.size() - 1)) + "或" + parts.get(parts.size() - 1) + "之一成立";
            return nested ? "〔" + s + "〕" : s;
        }
        if (c instanceof Condition.Not n) return "并非" + condition(n.part(), true);
        return test((Condition.Test) c);
    }

    private String test(Condition.Test t) {
        String s = subject(t.subject());
        List<Condition.Term> ops = t.operands();
        String text = switch (t.function()) {
            case "yes" -> s;
            case "no" -> s.startsWith("所属行业属于") ? "所属行业不属于" + s.substring("所属行业属于".length())
                    : s.startsWith("持有") ? "未持有" + s.substring(2) : s.startsWith("有") ? "没有" + s.substring(1) : "非" + s;
            case "atMost" -> s + "不超过" + quantity(t.subject(), ops.get(0));
            case "below" -> s + "低于" + quantity(t.subject(), ops.get(0));
            case "atLeast" -> s + "不低于" + quantity(t.subject(), ops.get(0));
            case "over" -> s + "超过" + quantity(t.subject(), ops.get(0));
            case "between" -> s + "在" + quantity(t.subject(), ops.get(0)) + "至" + quantity(t.subject(), ops.get(1)) + "之间";
            case "is" -> s + "为" + constant(ops.get(0));
            case "isNot" -> s + "不为" + constant(ops.get(0));
            case "oneOf" -> s + "为" + names(t.subject(), ops.get(0)) + "之一";
            case "contains" -> s + "包含" + constant(ops.get(0));
            default -> s;
        };
        if (e == null) return text;
        String actual = actualOf(t.subject());
        boolean bool = actual.equals("是") || actual.equals("否") || actual.equals("未知");
        return text + (bool ? "（" + actual + "）" : "（实际 " + actual + "）");
    }

    /** The Chinese name of the fact a test is about. */
    private String subject(Condition.Term term) {
        if (term instanceof Condition.Fact f) return FactLabels.label(f.name());
        if (term instanceof Condition.FactCall f) return factCall(f);
        if (term instanceof Condition.RuleFunction f) {
            String label = functionLabels.get(f.name());
            return label != null ? label : "（未标注的规则函数）";
        }
        return constant(term);
    }

    private String factCall(Condition.FactCall f) {
        List<Condition.Term> a = f.args();
        return switch (f.name()) {
            case "industryIn" -> "所属行业属于" + industries(a.get(0));
            case "holds" -> "持有" + constant(a.get(0)) + "认定";
            case "holdsAny" -> "持有" + names(null, a.get(0)) + "认定之一";
            case "hasLoan" -> "有" + constant(a.get(0));
            case "hasLoanGuaranteedBy" -> "有由" + constant(a.get(0)) + "担保的贷款";
            case "loanPrincipal" -> constant(a.get(0)) + "本金";
            case "hasLoanMaturingBetween" -> "有贷款于" + constant(a.get(0)) + "至" + constant(a.get(1)) + "之间到期";
            case "hires" -> "新招用" + constant(a.get(0)) + "人数" + (a.size() > 1 ? "（签订" + constant(a.get(1)) + "个月以上劳动合同）" : "");
            case "stateRentForMonths" -> constant(a.get(0)) + "个月国有房屋租金";
            case "countHires" -> "新招用人员中" + where(org.mianshen.model.Hire.class, "hires", a.get(0)) + "的人数";
            case "countLoans" -> where(org.mianshen.model.Loan.class, "loans", a.get(0)) + "的贷款笔数";
            case "sumLoans" -> where(org.mianshen.model.Loan.class, "loans", a.get(1)) + "的贷款" + itemField(org.mianshen.model.Loan.class, a.get(0)) + "合计";
            case "countPremises" -> where(org.mianshen.model.Premises.class, "premises", a.get(0)) + "的承租房屋处数";
            case "sumPremises" -> where(org.mianshen.model.Premises.class, "premises", a.get(1)) + "的承租房屋" + itemField(org.mianshen.model.Premises.class, a.get(0)) + "合计";
            default -> {
                List<String> args = new ArrayList<>();
                for (Condition.Term x : a) args.add(constant(x));
                yield FactLabels.label(f.name()) + (args.isEmpty() ? "" : "（" + String.join("、", args) + "）");
            }
        };
    }

    /** A list filter in Chinese ("招用人员类别为毕业年度高校毕业生、参加社会保险"); "全部" when it has no term. */
    private static String where(Class<?> item, String list, Condition.Term spec) {
        String text = spec instanceof Condition.Literal l ? String.valueOf(l.value()) : "";
        try {
            String d = org.mianshen.model.ListFilter.of(item, list, text).describe();
            return d.isEmpty() ? "全部" : d;
        } catch (IllegalArgumentException ex) {
            return text;
        }
    }

    /** The Chinese label of a list item's field ("月租金"). */
    private static String itemField(Class<?> item, Condition.Term field) {
        String name = field instanceof Condition.Literal l ? String.valueOf(l.value()) : "";
        try {
            org.mianshen.model.Fact f = item.getField(name).getAnnotation(org.mianshen.model.Fact.class);
            return f == null ? name : f.label();
        } catch (NoSuchFieldException ex) {
            return name;
        }
    }

    /** "62 52 H" → "餐饮业（62）、零售业（52）、住宿和餐饮业（H）". */
    private static String industries(Condition.Term codes) {
        String list = codes instanceof Condition.Literal l ? String.valueOf(l.value()) : "";
        List<String> out = new ArrayList<>();
        for (String code : list.trim().split(" +")) {
            if (code.isEmpty()) continue;
            String name = Industries.name(code);
            out.add(name == null ? code : name + "（" + code + "）");
        }
        return String.join("、", out);
    }

    /** A literal in Chinese: an enum constant by its name, a number or a string as written. */
    private static String constant(Condition.Term term) {
        if (term instanceof Condition.Literal l) return zh(l.value());
        return String.valueOf(term);
    }

    /** "SMALL MICRO" for the scale → "小型、微型"; names of designations → their Chinese names. */
    private static String names(Condition.Term subject, Condition.Term namesTerm) {
        String list = namesTerm instanceof Condition.Literal l ? String.valueOf(l.value()) : "";
        List<String> out = new ArrayList<>();
        for (String name : list.trim().split(" +")) out.add(enumName(name));
        return String.join("、", out);
    }

    /** The Chinese name of an enum constant known only by its name (from a space-separated list). */
    private static String enumName(String name) {
        for (Class<? extends Enum<?>> type : ConditionParser.ENUMS.values()) {
            for (Enum<?> c : type.getEnumConstants()) if (c.name().equals(name)) return zh(c);
        }
        return name;
    }

    /** A bound in the unit of its fact: yuan in 万元, persons, ratios in per cent. */
    private static String quantity(Condition.Term subject, Condition.Term bound) {
        Object v = bound instanceof Condition.Literal l ? l.value() : null;
        if (!(v instanceof Number n)) return constant(bound);
        return amount(unitOf(subject), n);
    }

    private static String unitOf(Condition.Term subject) {
        // a rule-file function's value is taken to be in the unit of its first argument that has one (halfOf(yuan) → yuan)
        if (subject instanceof Condition.RuleFunction f) {
            for (Condition.Term a : f.args()) { String u = unitOf(a); if (!u.isEmpty()) return u; }
            return "";
        }
        String name = subject instanceof Condition.Fact f ? f.name()
                : subject instanceof Condition.FactCall f ? f.name() : "";
        if (name.endsWith("Yuan") || name.equals("loanPrincipal") || name.equals("stateRentForMonths")
                || name.equals("sumLoans") || name.equals("sumPremises")) return "yuan";
        if (name.equals("countHires")) return "persons";
        if (name.endsWith("Rate")) return "ratio";
        if (name.equals("employees") || name.equals("insuredEmployees") || name.equals("hires")) return "persons";
        if (name.equals("yearsSinceEstablished")) return "years";
        return "";
    }

    static String amount(String unit, Number n) {
        switch (unit) {
            case "yuan": {
                BigDecimal d = new BigDecimal(n.toString());
                if (d.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0 && d.remainder(BigDecimal.valueOf(10_000)).signum() == 0)
                    return d.divide(BigDecimal.valueOf(10_000)).toPlainString() + "万元";
                return d.toPlainString() + "元";
            }
            case "ratio": return new BigDecimal(n.toString()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            case "persons": return n + "人";
            case "years": return n + "年";
            default: return String.valueOf(n);
        }
    }

    /** The enterprise's value of a term, in Chinese. */
    private String actualOf(Condition.Term term) {
        Object v;
        try {
            if (term instanceof Condition.FactCall f && f.name().equals("industryIn")) {
                String code = e.getIndustryCode();
                if (code == null) return "未知";
                String name = Industries.name(code);
                return name == null ? code : code + " " + name;
            }
            if (term instanceof Condition.FactCall f && (f.name().equals("holds") || f.name().equals("holdsAny"))) {
                Object list = e.getDesignations();
                Boolean held = (Boolean) ConditionEvaluator.value(term, e);
                return held == null ? "未知" : (held ? "是" : "否") + "，持有：" + zh(list);
            }
            v = ConditionEvaluator.value(term, e, fns);
        } catch (ConditionEvaluator.Opaque o) {
            return "由规则函数计算";
        }
        if (v == null && term instanceof Condition.FactCall f && Enterprise.LIST_FACTS.contains(f.name())) {
            // say which item field leaves the count open ("未知：缺新招用人员的参加社会保险")
            List<String> missing = new ArrayList<>();
            for (String x : ConditionEvaluator.inputsOf(term, e, fns)) missing.add(FactLabels.label(x));
            return missing.isEmpty() ? "未知" : "未知：缺" + String.join("、", missing);
        }
        if (v == null) return "未知";
        if (v instanceof Number n) return amount(unitOf(term), n);
        return zh(v);
    }

    /** Any value in Chinese: 是/否, an enum's Chinese name, a list of them, a date or number as written. */
    static String zh(Object v) {
        if (v == null) return "未知";
        if (v instanceof Boolean b) return b ? "是" : "否";
        if (v instanceof Enum<?> en) {
            try {
                return (String) en.getClass().getMethod("zh").invoke(en);
            } catch (ReflectiveOperationException ex) {
                return en.name();
            }
        }
        if (v instanceof Collection<?> c) {
            if (c.isEmpty()) return "无";
            if (c.stream().allMatch(x -> x instanceof Enum<?>)) {
                List<String> out = new ArrayList<>();
                for (Object x : c) out.add(zh(x));
                return String.join("、", out);
            }
            return c.size() + "项";
        }
        return String.valueOf(v);
    }
}
