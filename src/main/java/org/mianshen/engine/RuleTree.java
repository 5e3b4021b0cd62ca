package org.mianshen.engine;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.mianshen.model.Delivery;
import org.mianshen.model.DocStatus;
import org.mianshen.model.Enterprise;
import org.mianshen.model.Measure;
import org.mianshen.model.ValidToBasis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed rule tree: the DRL descriptors ready to compile and the catalogue read from rule metadata.
 *
 * <p>Parsing is cheap (no compilation), so {@code mianshen rules} and {@code check} use it alone.
 * Before compilation the engine adds to each rule's {@code Enterprise} pattern the constraints that
 * apply a measure's jurisdiction and validity window; rule authors never write them.
 */
public final class RuleTree {
    /** Metadata every rule must carry (ARCHITECTURE §3). */
    public static final List<String> REQUIRED = List.of("measure", "family", "title", "doc", "docNumber", "article",
            "authority", "source", "benefitType", "validFrom", "validTo", "jurisdiction");

    private static final Pattern IDENT = Pattern.compile("(?<![\\w.$])([a-zA-Z_]\\w*)");
    private static final Pattern JUMP = Pattern.compile("\\b(return|break|continue)\\b");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private final List<PackageDescr> packages;
    private final List<Measure> measures;
    private final List<RuleProblem> problems;

    private RuleTree(List<PackageDescr> packages, List<Measure> measures, List<RuleProblem> problems) {
        this.packages = packages;
        this.measures = measures;
        this.problems = problems;
    }

    public List<Measure> measures() { return measures; }
    public List<RuleProblem> problems() { return problems; }
    List<PackageDescr> packages() { return packages; }

    /** Parses every source, each rule firing once per enterprise; problems are collected, not thrown (so `check` can list them all). */
    public static RuleTree parse(List<RuleSource> sources) { return parse(sources, false); }

    /**
     * As {@link #parse(List)}; {@code setOriented = true} compiles each rule to fire once per
     * {@code fireAllRules} for all the enterprises it matched ({@link #collectPerChunk}): what batch uses.
     */
    public static RuleTree parse(List<RuleSource> sources, boolean setOriented) {
        List<PackageDescr> packages = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (RuleSource src : sources) {
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, src.text());
            } catch (DroolsParserException e) {
                problems.add(new RuleProblem(src.path(), 0, 0, e.getMessage()));
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError err : parser.getErrors()) problems.add(locate(src.path(), err));
                continue;
            }
            java.util.Map<String, String> header = header(src, problems);
            for (RuleDescr rule : pkg.getRules()) {
                inherit(rule, header);
                Measure m = measureOf(src, rule, problems);
                if (m == null) continue;
                if (!ids.add(m.id())) {
                    problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                            "duplicate measure id '" + m.id() + "' (rule names must be unique across the tree)"));
                    continue;
                }
                measures.add(m);
                addEngineConstraints(rule, m);
                if (setOriented) collectPerChunk(rule);
            }
            packages.add(pkg);
        }
        return new RuleTree(packages, List.copyOf(measures), List.copyOf(problems));
    }

    /** The document metadata a file's header may state once for all its rules. */
    public static final List<String> HEADER_KEYS = List.of("doc", "docNumber", "authority", "validFrom", "validTo", "validToBasis",
            "standingLaw", "jurisdiction", "docStatus", "delivery", "benefitType", "external", "sourceText");

    private static final Pattern HEADER_LINE = Pattern.compile("^\\s*//\\s*((?:@\\w+\\(\"(?:[^\"\\\\]|\\\\.)*\"\\)\\s*)+)$");
    private static final Pattern HEADER_ENTRY = Pattern.compile("@(\\w+)\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

    /**
     * The document header of a rule file: comment lines before {@code package} that hold only annotations,
     * <pre>
     * // @doc("示例市稳岗扩就业若干措施") @docNumber("示人社〔2026〕3号") @authority("示例市人力资源和社会保障局")
     * // @validFrom("2026-01-01") @validTo("2026-12-31") @validToBasis("STATED") @jurisdiction("4107") @sourceText("policy.txt")
     * </pre>
     * Every rule of the file inherits them unless it states its own. {@code @sourceText} names the text once; a rule then
     * writes only the lines, {@code @source("3")} or {@code @source("3-4")}.
     */
    static java.util.Map<String, String> header(RuleSource src, List<RuleProblem> problems) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        String[] lines = src.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.startsWith("package ") || l.startsWith("import ") || l.startsWith("rule ")) break;
            Matcher line = HEADER_LINE.matcher(lines[i]);
            if (!line.matches()) continue;
            Matcher e = HEADER_ENTRY.matcher(line.group(1));
            while (e.find()) {
                String key = e.group(1), value = e.group(2).replace("\\\"", "\"");
                if (!HEADER_KEYS.contains(key)) {
                    problems.add(new RuleProblem(src.path(), i + 1, lines[i].indexOf("@" + key) + 1, "@" + key
                            + " cannot be stated in the document header (one of " + String.join(", ", HEADER_KEYS) + "; the others are per rule)"));
                } else if (out.put(key, value) != null) {
                    problems.add(new RuleProblem(src.path(), i + 1, lines[i].indexOf("@" + key) + 1, "@" + key + " stated twice in the document header"));
                }
            }
        }
        return out;
    }

    /** Gives the rule the header's metadata it does not state itself (its own annotation wins). */
    private static void inherit(RuleDescr rule, java.util.Map<String, String> header) {
        for (var h : header.entrySet()) {
            if (h.getKey().equals("sourceText") || rule.getAnnotation(h.getKey()) != null) continue;
            rule.addAnnotation(h.getKey(), "\"" + h.getValue().replace("\"", "\\\"") + "\"");
        }
        String text = header.get("sourceText");
        String source = meta(rule, "source");
        if (text != null && source != null && source.matches("\\d+(-\\d+)?")) {
            rule.getAnnotation("source").setValue("\"" + text + ":" + source + "\"");
        }
    }

    private static RuleProblem locate(String file, DroolsError err) {
        if (err instanceof ParserError pe) return new RuleProblem(file, pe.getRow(), pe.getCol() + 1, pe.getMessage());
        int[] lines = err.getLines();
        return new RuleProblem(file, lines != null && lines.length > 0 ? lines[0] : 0, 0, err.getMessage());
    }

    private static Measure measureOf(RuleSource src, RuleDescr rule, List<RuleProblem> problems) {
        int before = problems.size();
        for (String key : REQUIRED) {
            if (rule.getAnnotation(key) == null) {
                problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                        "rule '" + rule.getName() + "' lacks @" + key));
            }
        }
        String id = meta(rule, "measure");
        if (id != null && !id.equals(rule.getName())) {
            problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                    "rule name '" + rule.getName() + "' must equal @measure '" + id + "' (the catalogue id)"));
        }
        LocalDate from = date(src, rule, "validFrom", problems);
        LocalDate to = date(src, rule, "validTo", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                    "rule '" + rule.getName() + "': @validFrom " + from + " is after @validTo " + to));
        }
        String jur = meta(rule, "jurisdiction");
        if (jur != null && !jur.matches("|\\d{2}|\\d{4}|\\d{6}")) {
            problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                    "rule '" + rule.getName() + "': @jurisdiction '" + jur + "' must be \"\" (national) or a 2-, 4- or 6-digit GB/T 2260 prefix"));
        }
        PatternDescr pattern = enterprisePattern(rule);
        if (pattern == null) {
            problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                    "rule '" + rule.getName() + "' must match an Enterprise fact (e.g. $e : Enterprise( ... ))"));
        }
        Object consequence = rule.getConsequence();
        if (consequence != null && JUMP.matcher(STRING.matcher(consequence.toString()).replaceAll("\"\"")).find()) {
            problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                    "rule '" + rule.getName() + "': no return, break or continue in a consequence (the engine runs it once"
                            + " for each enterprise the rule matched, in a loop: use if/else)"));
        }
        if (problems.size() > before) return null;

        List<String> conditions = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>();
        java.util.Map<String, String> labels = new java.util.TreeMap<>();
        for (BaseDescr d : ((AndDescr) pattern.getConstraint()).getDescrs()) {
            if (d instanceof ExprConstraintDescr c) {
                String text = c.getExpression().trim();
                // every condition is parsed into the typed tree reasons, missing facts and --explain come from:
                // one that cannot be parsed could not be explained to anyone, so the tree does not compile
                try {
                    Condition tree = ConditionParser.parse(text);
                    String bad = listHelperProblem(tree);
                    if (bad != null) throw new ConditionParser.ParseException(bad, 0);
                    ConditionCache.put(text, tree);
                    for (String f : ruleFunctions(tree)) {
                        String label = functionLabel(src.text(), f);
                        if (label != null) labels.put(f, label);
                    }
                } catch (ConditionParser.ParseException e) {
                    problems.add(new RuleProblem(src.path(), d.getLine() > 0 ? d.getLine() : rule.getLine(), 1,
                            "rule '" + rule.getName() + "': condition '" + text + "' is outside the condition vocabulary: " + e.getMessage()
                                    + " (docs/rule-authoring.md §2-3)"));
                    continue;
                }
                conditions.add(text);
                refs.addAll(references(c.getExpression()));
            }
        }
        String confirm = meta(rule, "confirm");
        return new Measure(id, meta(rule, "family"), meta(rule, "title"), meta(rule, "benefitType"),
                meta(rule, "doc"), meta(rule, "docNumber"), meta(rule, "article"), meta(rule, "authority"),
                meta(rule, "source"), meta(rule, "external"), from, to, jur,
                confirm == null || confirm.isBlank() ? List.of() : Arrays.stream(confirm.split("[;；]")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                src.path(), rule.getLine(), List.copyOf(conditions), List.copyOf(refs),
                enumMeta(src, rule, "delivery", Delivery.class, problems),
                enumMeta(src, rule, "validToBasis", ValidToBasis.class, problems),
                blankToNull(meta(rule, "standingLaw")),
                Objects.requireNonNullElse(enumMeta(src, rule, "docStatus", DocStatus.class, problems), DocStatus.ADOPTED),
                java.util.Map.copyOf(labels));
    }

    /** What is wrong with a list helper's filter in the condition (an unknown field, a bad value), or null. */
    static String listHelperProblem(Condition c) {
        for (Condition.Term t : terms(c)) {
            if (!(t instanceof Condition.FactCall f) || !Enterprise.LIST_FACTS.contains(f.name())) continue;
            List<Object> args = new ArrayList<>();
            for (Condition.Term a : f.args()) {
                if (!(a instanceof Condition.Literal l) || !(l.value() instanceof String)) return f.name() + " takes string literals (a filter such as \"category=GRADUATE_THIS_YEAR socialInsurance\")";
                args.add(l.value());
            }
            try {
                Enterprise.validateListHelper(f.name(), args);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return f.name() + ": " + (e instanceof IndexOutOfBoundsException ? "too few arguments" : e.getMessage());
            }
        }
        return null;
    }

    /** Every term of a condition, nested ones included. */
    static List<Condition.Term> terms(Condition c) {
        List<Condition.Term> out = new ArrayList<>();
        collectTerms(c, out);
        return out;
    }

    private static void collectTerms(Condition c, List<Condition.Term> out) {
        if (c instanceof Condition.All a) a.parts().forEach(p -> collectTerms(p, out));
        else if (c instanceof Condition.Any a) a.parts().forEach(p -> collectTerms(p, out));
        else if (c instanceof Condition.Not n) collectTerms(n.part(), out);
        else if (c instanceof Condition.Test t) {
            collectTerms(t.subject(), out);
            t.operands().forEach(o -> collectTerms(o, out));
        }
    }

    private static void collectTerms(Condition.Term t, List<Condition.Term> out) {
        out.add(t);
        if (t instanceof Condition.RuleFunction f) f.args().forEach(a -> collectTerms(a, out));
        else if (t instanceof Condition.FactCall f) f.args().forEach(a -> collectTerms(a, out));
    }

    /** The rule-file functions a condition calls. */
    static List<String> ruleFunctions(Condition c) {
        List<String> out = new ArrayList<>();
        collectFunctions(c, out);
        return out;
    }

    private static void collectFunctions(Condition c, List<String> out) {
        if (c instanceof Condition.All a) a.parts().forEach(p -> collectFunctions(p, out));
        else if (c instanceof Condition.Any a) a.parts().forEach(p -> collectFunctions(p, out));
        else if (c instanceof Condition.Not n) collectFunctions(n.part(), out);
        else if (c instanceof Condition.Test t) {
            collectFunctions(t.subject(), out);
            t.operands().forEach(o -> collectFunctions(o, out));
        }
    }

    private static void collectFunctions(Condition.Term t, List<String> out) {
        if (t instanceof Condition.RuleFunction f) {
            if (!out.contains(f.name())) out.add(f.name());
            f.args().forEach(a -> collectFunctions(a, out));
        } else if (t instanceof Condition.FactCall f) f.args().forEach(a -> collectFunctions(a, out));
    }

    private static final Pattern LABEL = Pattern.compile("^\\s*//\\s*标签[:：]\\s*(.+?)\\s*$");

    /** The Chinese label of a rule-file function: a {@code // 标签：…} comment line right above {@code function … name(}. */
    static String functionLabel(String source, String function) {
        String[] lines = source.split("\n", -1);
        Pattern decl = Pattern.compile("^\\s*function\\s+[\\w.<>\\[\\]]+\\s+" + Pattern.quote(function) + "\\s*\\(");
        for (int i = 0; i < lines.length; i++) {
            if (!decl.matcher(lines[i]).find()) continue;
            for (int j = i - 1; j >= 0 && lines[j].trim().startsWith("//"); j--) {
                Matcher m = LABEL.matcher(lines[j]);
                if (m.matches()) return m.group(1);
            }
            return null;
        }
        return null;
    }

    /** An enum-valued annotation: null when absent or empty; a problem when it names no constant. */
    private static <E extends Enum<E>> E enumMeta(RuleSource src, RuleDescr rule, String key, Class<E> type, List<RuleProblem> problems) {
        String v = meta(rule, key);
        if (v == null || v.isBlank()) return null;
        try {
            return Enum.valueOf(type, v.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1, "rule '" + rule.getName() + "': @" + key
                    + "(\"" + v + "\") is not one of " + Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", "")));
            return null;
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    /** The fact identifiers a condition uses (string literals and qualified names such as Scale.SMALL skipped). */
    public static List<String> references(String expression) {
        String noStrings = STRING.matcher(expression).replaceAll("\"\"");
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDENT.matcher(noStrings);
        while (m.find()) if (Enterprise.VOCABULARY.contains(m.group(1))) out.add(m.group(1));
        return List.copyOf(out);
    }

    /** The first top-level pattern on Enterprise: the one the engine's constraints go into. */
    static PatternDescr enterprisePattern(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null) return null;
        for (BaseDescr d : lhs.getDescrs()) {
            if (d instanceof PatternDescr p && p.getObjectType() != null
                    && (p.getObjectType().equals("Enterprise") || p.getObjectType().endsWith(".Enterprise"))
                    && p.getSource() == null) {
                return p;
            }
        }
        return null;
    }

    /** Jurisdiction first (hashed, most selective), then the validity window on the as-of day. */
    private static void addEngineConstraints(RuleDescr rule, Measure m) {
        AndDescr and = (AndDescr) enterprisePattern(rule).getConstraint();
        List<String> added = new ArrayList<>();
        switch (m.jurisdiction().length()) {
            case 2 -> added.add("province == \"" + m.jurisdiction() + "\"");
            case 4 -> added.add("prefecture == \"" + m.jurisdiction() + "\"");
            case 6 -> added.add("county == \"" + m.jurisdiction() + "\"");
            default -> { }
        }
        if (m.validFrom() != null) added.add("asOfDay >= " + m.validFrom().toEpochDay() + "L");
        if (m.validTo() != null) added.add("asOfDay <= " + m.validTo().toEpochDay() + "L");
        for (int i = added.size() - 1; i >= 0; i--) and.insertDescr(0, new ExprConstraintDescr(added.get(i)));
    }

    /**
     * Makes the rule fire once per {@code fireAllRules} for all the enterprises it matches instead of once
     * per enterprise: {@code $e : Enterprise( c )} becomes
     * {@code $matched : java.util.List( size > 0 ) from collect( Enterprise( c ) )} and the consequence
     * runs for each {@code $e} of the list. The conditions, and so the grants, are the same; a batch fires
     * ~115 rules per enterprise, and an activation costs Drools more than a collected fact (measured:
     * BENCHMARKS.md). One-profile commands keep the rules as written: the accumulate machinery adds ~50 ms
     * to their start-up and saves nothing for one enterprise.
     */
    private static void collectPerChunk(RuleDescr rule) {
        PatternDescr inner = enterprisePattern(rule);
        String binding = inner.getIdentifier();
        AndDescr lhs = rule.getLhs();
        int at = lhs.getDescrs().indexOf(inner);
        inner.setIdentifier(null);
        PatternDescr matched = new PatternDescr("java.util.List", MATCHED);
        matched.addConstraint(new ExprConstraintDescr("size > 0"));
        CollectDescr collect = new CollectDescr();
        collect.setInputPattern(inner);
        matched.setSource(collect);
        lhs.getDescrs().set(at, matched);
        String body = rule.getConsequence().toString();
        rule.setConsequence("for (Object " + MATCHED + "Each : " + MATCHED + ") {\n"
                + "    org.mianshen.model.Enterprise " + binding + " = (org.mianshen.model.Enterprise) " + MATCHED + "Each;\n"
                + body + "\n}\n");
    }

    /** The engine's name for the list of enterprises a rule matched in one firing (see {@link #collectPerChunk}). */
    static final String MATCHED = "$mianshenMatched";

    private static LocalDate date(RuleSource src, RuleDescr rule, String key, List<RuleProblem> problems) {
        String v = meta(rule, key);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            problems.add(new RuleProblem(src.path(), rule.getLine(), rule.getColumn() + 1,
                    "rule '" + rule.getName() + "': @" + key + "(\"" + v + "\") is not a date yyyy-mm-dd (use \"\" for none)"));
            return null;
        }
    }

    static String meta(RuleDescr rule, String key) {
        AnnotationDescr a = rule.getAnnotation(key);
        if (a == null) return null;
        Object v = a.getSingleValueStripped();
        if (v == null) v = a.getSingleValue();
        return v == null ? "" : AnnotationDescr.unquote(v.toString().trim());
    }
}
