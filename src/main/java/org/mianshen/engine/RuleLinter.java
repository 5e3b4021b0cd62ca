package org.mianshen.engine;

import org.mianshen.model.ValidToBasis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mianshen.io.Json;
import org.mianshen.model.Measure;
import org.mianshen.reference.Regions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `mianshen check` verifies beyond compilation: metadata a compiler cannot judge (catalogue ids,
 * GB/T 2260 prefixes, seed lines that really hold the quoted sentence) and that every rule has cases
 * on both sides (at least one expecting it to fire, one expecting it not to).
 */
public final class RuleLinter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SOURCE = Pattern.compile("^(.+):(\\d+)(?:-(\\d+))?$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*//\\s*[\"“](.+)[\"”]\\s*$");

    /** A measure catalogue: its ids (with the ids an audit suggested) and the texts it covers. */
    private record Catalogue(Set<String> ids, Set<String> seeds) {
        static Catalogue read(Path file) throws IOException {
            if (file == null) return null;
            Set<String> ids = new HashSet<>(), seeds = new HashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode rec = Json.MAPPER.readTree(line);
                ids.add(rec.path("id").asText());
                seeds.add(rec.path("seed").asText());
            }
            // measures a completeness audit found that the catalogue lacks, with the ids it suggests
            Path misses = file.resolveSibling("audit-misses.jsonl");
            if (Files.isRegularFile(misses)) for (String line : Files.readAllLines(misses, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) ids.add(Json.MAPPER.readTree(line).path("suggested_id").asText());
            }
            return new Catalogue(Set.copyOf(ids), Set.copyOf(seeds));
        }
    }

    /** Where the texts are and which catalogue applies, for the bundled tree and for an author's tree. */
    private final Path bundledSeeds, authorSeeds;
    private final Catalogue bundledCatalogue, authorCatalogue;

    /** @param seedsDir where @source seed files are besides each tree's texts/; @param catalogue measures.jsonl or null; both for every tree */
    public RuleLinter(Path seedsDir, Path catalogue) throws IOException {
        this.bundledSeeds = this.authorSeeds = seedsDir;
        this.bundledCatalogue = this.authorCatalogue = Catalogue.read(catalogue);
    }

    private RuleLinter(Path authorSeeds, Catalogue authorCatalogue, Path bundledSeeds, Catalogue bundledCatalogue) {
        this.authorSeeds = authorSeeds;
        this.authorCatalogue = authorCatalogue;
        this.bundledSeeds = bundledSeeds;
        this.bundledCatalogue = bundledCatalogue;
    }

    /**
     * Each tree against its own texts and catalogue (`check --rules DIR --with-bundled`): an author's rules
     * against DIR/texts and {@code authorSeeds}, and the catalogue only when one is given for that tree; the bundled
     * rules against rules/texts (and {@code bundledSeeds}) and the team's catalogue.
     */
    public static RuleLinter perTree(Path authorSeeds, Path authorCatalogue, Path bundledSeeds, Path bundledCatalogue) throws IOException {
        return new RuleLinter(authorSeeds, Catalogue.read(authorCatalogue), bundledSeeds, Catalogue.read(bundledCatalogue));
    }

    public List<RuleProblem> lint(List<RuleSource> sources, List<Measure> measures, List<CaseRunner.CaseFile> cases) {
        List<RuleProblem> out = new ArrayList<>();
        Map<String, RuleSource> byPath = new HashMap<>();
        for (RuleSource s : sources) byPath.put(s.path(), s);
        sourceOf.putAll(byPath);
        Map<String, List<String>> seedCache = new HashMap<>();
        Set<String> positive = new HashSet<>(), negative = new HashSet<>();
        for (CaseRunner.CaseFile f : cases) collectCases(f, positive, negative, out);

        for (Measure m : measures) {
            // the catalogue covers the seed texts; a measure of another text (a new document) has an id of its own
            Catalogue catalogue = bundled(m) ? bundledCatalogue : authorCatalogue;
            if (catalogue != null && catalogue.seeds().contains(m.seedFile()) && !catalogue.ids().contains(m.id()))
                out.add(new RuleProblem(m.file(), m.line(), 1, "measure id '" + m.id() + "' is not in the catalogue"));
            if (!Regions.isValidPrefix(m.jurisdiction()))
                out.add(new RuleProblem(m.file(), m.line(), 1, "@jurisdiction '" + m.jurisdiction() + "' is not a GB/T 2260 code in the region tables"));
            answerMetadata(m, out);
            if (m.family() == null || m.family().isBlank())
                out.add(new RuleProblem(m.file(), m.line(), 1, "@family is empty"));
            String quote = quoteAbove(byPath.get(m.file()), m.line());
            if (quote == null)
                out.add(new RuleProblem(m.file(), m.line(), 1, "no quoted sentence (// \"…\") in the comment above rule '" + m.id() + "'"));
            checkSource(m, quote, seedCache, out);
            if (!positive.contains(m.id()))
                out.add(new RuleProblem(m.file(), m.line(), 1, "no case expects '" + m.id() + "' to fire (eligible/needsInfo)"));
            if (!negative.contains(m.id()))
                out.add(new RuleProblem(m.file(), m.line(), 1, "no case expects '" + m.id() + "' not to fire (notFired)"));
        }
        return out;
    }

    /** The list facts of the profile: a rule-file function given one sees items the engine cannot see into. */
    private static final Set<String> LIST_INPUTS = Set.of("hires", "loans", "premises", "designations");

    /**
     * Warnings (not problems: the tree compiles and runs): a condition that passes a whole list fact to a rule-file
     * function. The engine sees only the list; when the function returns null because an item lacks a field,
     * nothing names that field, and a function that skips such an item returns a count that is silently too low.
     * The list helpers ({@code countHires("… socialInsurance")}) report the item field instead.
     */
    public static List<RuleProblem> warnings(List<Measure> measures) {
        List<RuleProblem> out = new ArrayList<>();
        for (Measure m : measures) {
            Set<String> seen = new HashSet<>();
            for (String c : m.conditions()) {
                for (Condition.Term t : RuleTree.terms(ConditionCache.of(c))) {
                    if (!(t instanceof Condition.RuleFunction f)) continue;
                    for (Condition.Term a : f.args()) {
                        if (a instanceof Condition.Fact fact && LIST_INPUTS.contains(fact.name()) && seen.add(f.name() + "/" + fact.name())) {
                            out.add(new RuleProblem(m.file(), m.line(), 1, "rule '" + m.id() + "': the rule-file function " + f.name() + "(" + fact.name()
                                    + ") reads items of " + fact.name() + " the engine cannot see: an item lacking a field gives no NEEDS_INFO naming it."
                                    + " Count or sum with " + helperFor(fact.name()) + " instead (docs/rule-authoring.md §2)"));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String helperFor(String list) {
        return switch (list) {
            case "hires" -> "countHires(\"category=… contractMonths>=… socialInsurance …\")";
            case "loans" -> "countLoans(\"…\") / sumLoans(\"principalYuan\", \"…\")";
            case "premises" -> "countPremises(\"…\") / sumPremises(\"monthlyRentYuan\", \"…\")";
            default -> "holds(…) / holdsAny(\"…\")";
        };
    }

    /**
     * Tier and validity basis (ARCHITECTURE §7): every measure says how it reaches the enterprise and why it ends
     * when it does; only a STANDING provision is open-ended, and it names the law that keeps it standing.
     */
    static void answerMetadata(Measure m, List<RuleProblem> out) {
        if (m.delivery() == null)
            out.add(new RuleProblem(m.file(), m.line(), 1, "rule '" + m.id() + "' lacks @delivery (AUTOMATIC 免申即享, ON_APPLICATION 依申请, or SUPPORT 相关支持)"));
        if (m.validToBasis() == null) {
            out.add(new RuleProblem(m.file(), m.line(), 1, "rule '" + m.id() + "' lacks @validToBasis (STATED, DOCUMENT, EXTERNAL, YEAR or STANDING)"));
            return;
        }
        if (m.validToBasis() == ValidToBasis.STANDING) {
            if (m.validTo() != null)
                out.add(new RuleProblem(m.file(), m.line(), 1, "rule '" + m.id() + "': @validToBasis(\"STANDING\") is open-ended, but @validTo is " + m.validTo()));
            if (m.standingLaw() == null)
                out.add(new RuleProblem(m.file(), m.line(), 1, "rule '" + m.id() + "': a STANDING measure names the law or rule that keeps it in force in @standingLaw"));
        } else if (m.validTo() == null) {
            out.add(new RuleProblem(m.file(), m.line(), 1, "rule '" + m.id() + "' has no end date (@validTo \"\"): give the date its "
                    + m.validToBasis() + " basis fixes, or mark it @validToBasis(\"STANDING\") with @standingLaw"));
        }
        if (m.validToBasis() == ValidToBasis.EXTERNAL && (m.external() == null || m.external().isBlank()))
            out.add(new RuleProblem(m.file(), m.line(), 1, "rule '" + m.id() + "': @validToBasis(\"EXTERNAL\") needs the implementing document in @external"));
    }

    private void checkSource(Measure m, String quote, Map<String, List<String>> seedCache, List<RuleProblem> out) {
        Matcher sm = SOURCE.matcher(m.source() == null ? "" : m.source());
        if (!sm.matches()) {
            out.add(new RuleProblem(m.file(), m.line(), 1, "@source '" + m.source() + "' must be seed-file:first-last"));
            return;
        }
        String file = sm.group(1);
        List<String> lines = seedCache.computeIfAbsent(m.file() + "\u0000" + file, k -> readText(m, file));
        if (lines == null) {
            out.add(new RuleProblem(m.file(), m.line(), 1, "@source text not found: " + file + " (looked in the tree's texts/ folder"
                    + (seedsOf(m) == null ? "" : " and in " + seedsOf(m)) + ")"));
            return;
        }
        int from = Integer.parseInt(sm.group(2));
        int to = sm.group(3) == null ? from : Integer.parseInt(sm.group(3));
        if (from < 1 || to < from || to > lines.size()) {
            out.add(new RuleProblem(m.file(), m.line(), 1, "@source lines " + from + "-" + to + " do not exist in " + sm.group(1)
                    + " (" + lines.size() + " lines)"));
            return;
        }
        if (quote == null) return;
        String text = normalise(String.join("", lines.subList(from - 1, to)));
        for (String part : quote.split("……|\\.\\.\\.|…")) {
            String p = normalise(part);
            if (!p.isEmpty() && !text.contains(p)) {
                out.add(new RuleProblem(m.file(), m.line(), 1, "the quoted sentence is not in " + m.source() + ": " + mismatch(p, text)));
                return;
            }
        }
    }

    /** Characters of context shown on each side of the first difference. */
    private static final int CONTEXT = 8;

    /**
     * Where a quotation departs from the text: the longest start of the quote found in the text, and the first
     * character after it, with context from both ("…对象为小微企业，补贴[6]0%…" in the quote against "…[5]0%…" in
     * the text), so a changed figure is found without comparing the sentences by eye. Both are normalised as
     * compared (whitespace and quote marks dropped).
     */
    static String mismatch(String quote, String text) {
        // longest prefix of the quote that occurs in the text (binary search: occurrence is monotone in length)
        int lo = 0, hi = quote.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (text.contains(quote.substring(0, mid))) lo = mid; else hi = mid - 1;
        }
        int k = lo;
        if (k == 0) return "its first character '" + quote.charAt(0) + "' starts no passage of the cited lines (quote: \""
                + around(quote, 0) + "\")";
        int at = text.indexOf(quote.substring(0, k));
        // the text may hold the prefix more than once: prefer the occurrence that agrees longest after the difference
        for (int i = at; i >= 0; i = text.indexOf(quote.substring(0, k), i + 1)) {
            if (agreeAfter(quote, k, text, i + k) > agreeAfter(quote, k, text, at + k)) at = i;
        }
        return "differs at character " + (k + 1) + " of the quote: quote \"" + around(quote, k) + "\", text \""
                + around(text, at + k) + "\"";
    }

    private static int agreeAfter(String quote, int k, String text, int t) {
        int n = 0;
        while (k + 1 + n < quote.length() && t + 1 + n < text.length() && quote.charAt(k + 1 + n) == text.charAt(t + 1 + n)) n++;
        return n;
    }

    /** A few characters either side of position {@code i}, the character at {@code i} in brackets. */
    static String around(String s, int i) {
        int from = Math.max(0, i - CONTEXT), to = Math.min(s.length(), i + 1 + CONTEXT);
        String at = i < s.length() ? "[" + s.charAt(i) + "]" : "[∎]";
        return (from > 0 ? "…" : "") + s.substring(from, Math.min(i, s.length())) + at
                + (i + 1 < to ? s.substring(i + 1, to) : "") + (to < s.length() ? "…" : "");
    }

    /**
     * The lines of the policy text a rule cites: from the {@code texts/} folder at the root of the rule's own
     * tree (the bundled tree ships its texts), else from {@code --seeds}; null when neither has it.
     */
    private List<String> readText(Measure m, String file) {
        List<Path> candidates = new ArrayList<>(2);
        Path root = treeRoot(m);
        if (root != null) candidates.add(root.resolve("texts").resolve(file));
        if (seedsOf(m) != null) candidates.add(seedsOf(m).resolve(file));
        for (Path p : candidates) {
            try {
                if (Files.isRegularFile(p)) return Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    /** The rule comes from the bundled tree (inside the jar or the class folder), not from an author's directory. */
    private boolean bundled(Measure m) {
        RuleSource src = sourceOf.get(m.file());
        return src != null && src.location() == null;
    }

    private Path seedsOf(Measure m) { return bundled(m) ? bundledSeeds : authorSeeds; }

    /** The root of the tree the rule was loaded from: the author's directory, or the bundled rules/. */
    private Path treeRoot(Measure m) {
        RuleSource src = sourceOf.get(m.file());
        if (src == null) return null;
        if (src.location() == null) {
            try { return RuleSource.bundledRoot(); } catch (IOException e) { return null; }
        }
        Path root = src.location();
        for (int i = 0; i < src.path().split("/").length; i++) root = root.getParent();
        return root;
    }

    private final Map<String, RuleSource> sourceOf = new HashMap<>();

    /** Whitespace and the quote marks scraped texts vary in are not significant. */
    static String normalise(String s) {
        return s.replaceAll("[\\s\\u3000\"“”'‘’]", "");
    }

    /** The last // "…" line in the comment block directly above the rule's line. */
    static String quoteAbove(RuleSource src, int ruleLine) {
        if (src == null) return null;
        String[] lines = src.text().split("\n", -1);
        for (int i = ruleLine - 2; i >= 0; i--) {
            String l = lines[i];
            if (!l.trim().startsWith("//")) break;
            Matcher q = QUOTE.matcher(l);
            if (q.matches()) return q.group(1);
        }
        return null;
    }

    private static void collectCases(CaseRunner.CaseFile f, Set<String> positive, Set<String> negative, List<RuleProblem> out) {
        JsonNode root;
        try {
            root = YAML.readTree(f.text());
        } catch (IOException e) {
            out.add(new RuleProblem(f.path(), 0, 0, "cannot parse YAML: " + e.getMessage().split("\n")[0]));
            return;
        }
        if (root == null) return;
        for (JsonNode c : root.path("cases")) {
            for (JsonNode id : c.path("eligible")) positive.add(id.asText());
            for (JsonNode id : c.path("needsInfo")) positive.add(id.asText());
            for (JsonNode id : c.path("notFired")) negative.add(id.asText());
        }
    }
}
