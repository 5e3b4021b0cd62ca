package org.mianshen.engine;

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

    private final Path seedsDir;
    private final Set<String> catalogueIds;

    /** @param seedsDir where @source seed files are (null: skip the quote check); @param catalogue measures.jsonl or null */
    public RuleLinter(Path seedsDir, Path catalogue) throws IOException {
        this.seedsDir = seedsDir;
        if (catalogue == null) this.catalogueIds = null;
        else {
            Set<String> ids = new HashSet<>();
            for (String line : Files.readAllLines(catalogue, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) ids.add(Json.MAPPER.readTree(line).path("id").asText());
            }
            this.catalogueIds = ids;
        }
    }

    public List<RuleProblem> lint(List<RuleSource> sources, List<Measure> measures, List<CaseRunner.CaseFile> cases) {
        List<RuleProblem> out = new ArrayList<>();
        Map<String, RuleSource> byPath = new HashMap<>();
        for (RuleSource s : sources) byPath.put(s.path(), s);
        Map<String, List<String>> seedCache = new HashMap<>();
        Set<String> positive = new HashSet<>(), negative = new HashSet<>();
        for (CaseRunner.CaseFile f : cases) collectCases(f, positive, negative, out);

        for (Measure m : measures) {
            if (catalogueIds != null && !catalogueIds.contains(m.id()))
                out.add(new RuleProblem(m.file(), m.line(), 1, "measure id '" + m.id() + "' is not in the catalogue"));
            if (!Regions.isValidPrefix(m.jurisdiction()))
                out.add(new RuleProblem(m.file(), m.line(), 1, "@jurisdiction '" + m.jurisdiction() + "' is not a GB/T 2260 code in the region tables"));
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

    private void checkSource(Measure m, String quote, Map<String, List<String>> seedCache, List<RuleProblem> out) {
        Matcher sm = SOURCE.matcher(m.source() == null ? "" : m.source());
        if (!sm.matches()) {
            out.add(new RuleProblem(m.file(), m.line(), 1, "@source '" + m.source() + "' must be seed-file:first-last"));
            return;
        }
        if (seedsDir == null) return;
        Path seed = seedsDir.resolve(sm.group(1));
        List<String> lines = seedCache.computeIfAbsent(sm.group(1), k -> {
            try { return Files.exists(seed) ? Files.readAllLines(seed, StandardCharsets.UTF_8) : null; }
            catch (IOException e) { return null; }
        });
        if (lines == null) {
            out.add(new RuleProblem(m.file(), m.line(), 1, "@source seed file not found: " + seed));
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
                out.add(new RuleProblem(m.file(), m.line(), 1, "the quoted sentence is not in " + m.source() + ": \"" + part.trim() + "\""));
                return;
            }
        }
    }

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
