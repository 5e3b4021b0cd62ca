package org.mianshen.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a rule condition, written in the {@link Conditions} vocabulary, as Chinese a bureau clerk
 * can read: {@code atMost(employees, 300)} → {@code 从业人员 ≤ 300}. Unrecognised conditions are shown
 * verbatim, so nothing a rule tests is ever hidden.
 */
final class ConditionText {
    private ConditionText() {}

    private static final Pattern CALL = Pattern.compile("^(atMost|below|atLeast|over|yes|no|is|isNot|oneOf|between|contains)\\((.*)\\)$");

    static String render(String condition) {
        String c = condition.trim();
        Matcher m = CALL.matcher(c);
        if (!m.matches()) return c;
        String[] args = splitArgs(m.group(2));
        String subject = subject(args[0]);
        return switch (m.group(1)) {
            case "atMost" -> subject + " ≤ " + number(args[1]);
            case "below" -> subject + " < " + number(args[1]);
            case "atLeast" -> subject + " ≥ " + number(args[1]);
            case "over" -> subject + " > " + number(args[1]);
            case "between" -> number(args[1]) + " ≤ " + subject + " ≤ " + number(args[2]);
            case "yes" -> subject;
            case "no" -> "非" + subject;
            case "is" -> subject + " = " + constant(args[1]);
            case "isNot" -> subject + " ≠ " + constant(args[1]);
            case "oneOf" -> subject + " ∈ {" + String.join(", ", unquote(args[1]).trim().split(" +")) + "}";
            case "contains" -> subject + " 含 " + constant(args[1]);
            default -> c;
        };
    }

    /**
     * The fact whose value explains a condition's subject to a reader: the subject itself, except for
     * {@code industryIn(...)}, whose own value is only true/false — the industry code says why.
     */
    static String shownFact(String subject) {
        return subject != null && subject.startsWith("industryIn(") ? "industryCode" : subject;
    }

    /** The fact expression a condition tests ("employees", "hires(HireCategory.GRADUATE_THIS_YEAR)"). */
    static String subjectExpression(String condition) {
        Matcher m = CALL.matcher(condition.trim());
        return m.matches() ? splitArgs(m.group(2))[0].trim() : null;
    }

    private static String subject(String expr) {
        String e = expr.trim();
        int paren = e.indexOf('(');
        if (paren < 0) return FactLabels.label(e);
        String fn = e.substring(0, paren);
        String arg = e.substring(paren + 1, e.lastIndexOf(')'));
        return FactLabels.label(fn) + "(" + constant(arg) + ")";
    }

    private static String constant(String s) {
        String t = unquote(s.trim());
        int dot = t.lastIndexOf('.');
        return dot >= 0 && !t.matches("[\\d.]+") ? t.substring(dot + 1) : t;
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** 3000000 → 3000000 (300万) so thresholds read the way the policy text writes them. */
    private static String number(String s) {
        String t = s.trim().replaceAll("[LlBb]$", "");
        try {
            long v = Long.parseLong(t.replace("_", ""));
            if (v >= 10_000 && v % 10_000 == 0) return t + " (" + (v / 10_000) + "万)";
            return t;
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** Splits "a, f(b, c), \"x y\"" at top-level commas. */
    static String[] splitArgs(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0, start = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' && (i == 0 || s.charAt(i - 1) != '\\')) inString = !inString;
            else if (!inString && ch == '(') depth++;
            else if (!inString && ch == ')') depth--;
            else if (!inString && depth == 0 && ch == ',') { out.add(s.substring(start, i)); start = i + 1; }
        }
        out.add(s.substring(start));
        return out.toArray(new String[0]);
    }
}
