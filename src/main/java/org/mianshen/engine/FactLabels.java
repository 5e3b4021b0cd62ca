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

    /**
     * Labels of the profile inputs that are not facts of the vocabulary themselves (the facts' labels are in
     * {@link org.mianshen.model.FactTable}, the one table of the vocabulary).
     */
    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (Field f : Profile.class.getFields()) {
            Fact fact = f.getAnnotation(Fact.class);
            if (fact != null) m.put(f.getName(), fact.label());
        }
        m.put("riskAreas", "疫情中高风险区数据 (--risk-areas)");
        m.put("premises[].monthlyRentYuan", "承租房屋月租金");
        return Map.copyOf(m);
    }

    /** "从业人员 (employees)"-style label; the bare name when unknown. */
    public static String label(String identifier) {
        String l = org.mianshen.model.FactTable.label(identifier);
        if (l == null) l = LABELS.get(identifier);
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
