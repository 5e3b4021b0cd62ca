package org.mianshen.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.mianshen.model.Scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Enterprise size class (大型/中型/小型/微型) per 中小企业划型标准规定 (工信部联企业〔2011〕300号), with industry
 * scope keyed to GB/T 4754-2017 as in 统计上大中小微型企业划分办法（2017）(国统字〔2017〕213号).
 *
 * <p>Source: bundled {@code reference/enterprise-size-thresholds.json} (copy of
 * {@code ../shared/reference/enterprise-size-thresholds.json}); see {@code policy-and-standards.md} §1. Thresholds
 * are [V]; the 2017 industry scope mapping is [V2].
 *
 * <p>Semantics: for 大型, 中型, 小型 in that order, a firm is in the class iff EVERY listed indicator is ≥ that class's
 * lower bound (及以上, inclusive; "同时满足…否则下划一档"); a firm in none of them is 微型 (some indicator below the
 * 小型 bound). Amounts in the JSON are 万元 and are converted to yuan exactly (× 10,000, long arithmetic).
 *
 * <p>Industry scope: each JSON industry is defined by GB/T 4754-2017 sections, divisions, groups or classes; the most
 * specific matching entry wins (e.g. 591 → 交通运输业 although 59 is otherwise 仓储业). Industries the standard does
 * not list - 金融业 J (which really uses 银发〔2015〕309号, not implemented here), 教育 P, 卫生 84, S, T, 铁路运输 53 and
 * 自有房地产经营 704 - are classified "参照本规定" by 从业人员 only with the 其他未列明行业 bounds, under group id
 * {@value #UNLISTED}; that treatment is an implementation decision (the texts assign them nowhere; UNVERIFIED).
 * 个体工商户 are classified with the same table (2011 第六条 "参照本规定进行划型", [V2]). Indicator definitions
 * (期末从业人员, 主营业务收入 etc.) are [K] unverified and are the caller's responsibility. Also [K] unverified and
 * relied on only implicitly: the clause "中型企业标准上限即为大型企业标准的下限" (only its heading was seen) and that
 * classification uses 统计部门的统计数据. No 2024/2025 revision of 300号 could be confirmed: check before relying on it
 * for later periods.
 *
 * <p>Missing data uses exact three-valued reasoning: when some inputs are null but every completion of them gives
 * the same class, that class is returned (e.g. one known indicator below the 小型 bound ⇒ 微型). When the industry
 * code is null, invalid, or too coarse to pick one industry (e.g. "F" = 批发 or 零售, "59", "70"), every candidate
 * industry is evaluated and a class is returned only if all candidates agree; otherwise {@code missing} contains
 * "industryCode" (meaning: a more specific industry code is needed, even if one was given).
 *
 * <p>Loaded once, lazily, on first use; immutable and thread-safe.
 */
public final class SizeClassifier {

    /** Group id used for industries 300号 does not list (classified by 从业人员 with the 其他未列明 bounds). */
    public static final String UNLISTED = "UNLISTED";

    /** Profile field names, in canonical order. */
    public static final String F_INDUSTRY = "industryCode";
    public static final String F_EMPLOYEES = "employees";
    public static final String F_REVENUE = "operatingRevenueYuan";
    public static final String F_ASSETS = "totalAssetsYuan";

    /**
     * Result of {@link #classify}.
     *
     * @param scale           the class, or null when it cannot be decided from the inputs
     * @param missing         profile field names among "industryCode", "employees", "operatingRevenueYuan",
     *                        "totalAssetsYuan" that are needed (null, or for industryCode: null, invalid or too coarse);
     *                        empty whenever scale is non-null
     * @param basis           Chinese explanation, e.g. "工业(300号): 从业人员 25 ≥ 20 且 营业收入 500万 ≥ 300万 → 小型"
     * @param industryGroupId JSON industry id (e.g. "INDUSTRY", "RETAIL", "OTHER") or {@value #UNLISTED}; null when
     *                        the industry code does not determine a single industry
     */
    public record SizeResult(Scale scale, List<String> missing, String basis, String industryGroupId) {
        public SizeResult {
            missing = List.copyOf(missing);
        }
    }

    private SizeClassifier() {
    }

    /** The three indicators, in canonical field order. */
    private enum Ind {
        EMPLOYEES("employees", "从业人员", F_EMPLOYEES, false),
        REVENUE("revenue_wan", "营业收入", F_REVENUE, true),
        ASSETS("total_assets_wan", "资产总额", F_ASSETS, true);

        final String jsonKey;
        final String zh;
        final String field;
        final boolean money;

        Ind(String jsonKey, String zh, String field, boolean money) {
            this.jsonKey = jsonKey;
            this.zh = zh;
            this.field = field;
            this.money = money;
        }

        static Ind byJsonKey(String k) {
            for (Ind i : values()) {
                if (i.jsonKey.equals(k)) {
                    return i;
                }
            }
            throw new IllegalStateException("enterprise-size-thresholds.json: unknown indicator '" + k + "'");
        }
    }

    private static final Scale[] CLASSES = {Scale.LARGE, Scale.MEDIUM, Scale.SMALL};
    private static final String[] CLASS_KEYS = {"large", "medium", "small"};

    /**
     * One industry of the table. bounds[c][i]: lower bound of class c (0 large, 1 medium, 2 small) for indicator
     * indicators.get(i), in persons or yuan; boundsDisplay in persons or 万元.
     */
    private record Group(String id, String nameZh, List<Ind> indicators, long[][] bounds, long[][] boundsDisplay) {
    }

    /*
     * Real children of the GB/T 4754-2017 nodes that the JSON splits between industries, so that a coarse code can be
     * resolved exactly: 59 (装卸搬运和仓储业: 591 装卸搬运 + the 仓储 groups, per the JSON 仓储业 note) and 70 (房地产业:
     * 701/7010, 702/7020, 703, 704, 709 per policy-and-standards.md §11 [V]). Groups 701 and 702 have one class each.
     */
    private static final Map<String, List<String>> KNOWN_CHILDREN = Map.of(
            "59", List.of("591", "592", "593", "594", "595", "596", "599"),
            "70", List.of("701", "702", "703", "704", "709"),
            "701", List.of("7010"),
            "702", List.of("7020"));

    private static final class Holder {
        /** Industries in JSON order, then UNLISTED. */
        static final Map<String, Group> GROUPS;
        /** GB/T 4754 code (section letter or 2-4 digits) → group id, including exclusions (→ UNLISTED). */
        static final Map<String, String> ENTRIES;

        static {
            JsonNode root;
            try {
                root = org.mianshen.io.Json.MAPPER.readTree(ReferenceResources.readAll("enterprise-size-thresholds.json"));
            } catch (IOException e) {
                throw new UncheckedIOException("parsing reference/enterprise-size-thresholds.json", e);
            }
            Map<String, Group> groups = new LinkedHashMap<>();
            Map<String, String> entries = new LinkedHashMap<>();
            List<String> excluded = new ArrayList<>();
            for (JsonNode ind : root.path("industries")) {
                String id = ind.path("id").asText();
                if (id.isEmpty() || groups.containsKey(id) || id.equals(UNLISTED)) {
                    throw new IllegalStateException("thresholds JSON: bad or duplicate industry id '" + id + "'");
                }
                List<Ind> inds = new ArrayList<>();
                for (JsonNode k : ind.path("indicators")) {
                    inds.add(Ind.byJsonKey(k.asText()));
                }
                if (inds.isEmpty()) {
                    throw new IllegalStateException("thresholds JSON: " + id + " has no indicators");
                }
                inds.sort(null); // canonical order
                long[][] bounds = new long[3][inds.size()];
                long[][] display = new long[3][inds.size()];
                for (int c = 0; c < 3; c++) {
                    String rule = ind.path("rule").path(CLASS_KEYS[c]).asText();
                    if (!rule.equals("ALL_GE")) {
                        throw new IllegalStateException("thresholds JSON: " + id + " rule." + CLASS_KEYS[c]
                                + " is '" + rule + "', only ALL_GE is supported");
                    }
                    JsonNode lb = ind.path("lower_bounds").path(CLASS_KEYS[c]);
                    if (lb.size() != inds.size()) {
                        throw new IllegalStateException("thresholds JSON: " + id + " lower_bounds." + CLASS_KEYS[c]
                                + " does not match the indicator list");
                    }
                    for (int i = 0; i < inds.size(); i++) {
                        JsonNode v = lb.path(inds.get(i).jsonKey);
                        if (!v.canConvertToExactIntegral() || v.asLong() <= 0) {
                            throw new IllegalStateException("thresholds JSON: " + id + " lower_bounds."
                                    + CLASS_KEYS[c] + "." + inds.get(i).jsonKey + " must be a positive integer");
                        }
                        display[c][i] = v.asLong();
                        bounds[c][i] = inds.get(i).money ? Math.multiplyExact(v.asLong(), 10_000L) : v.asLong();
                    }
                }
                groups.put(id, new Group(id, ind.path("name_zh").asText(), List.copyOf(inds), bounds, display));
                JsonNode scope = ind.path("gbt4754_2017_scope");
                for (String key : List.of("sections", "divisions", "groups", "classes")) {
                    for (JsonNode e : scope.path(key)) {
                        String code = e.asText();
                        if (Industries.resolve(code) == null) {
                            throw new IllegalStateException("thresholds JSON: " + id + " scope has bad code " + code);
                        }
                        String prev = entries.put(code, id);
                        if (prev != null) {
                            throw new IllegalStateException("thresholds JSON: " + code + " in both " + prev + " and "
                                    + id);
                        }
                    }
                }
                for (JsonNode e : scope.path("excludes")) {
                    // e.g. "704 房地产租赁经营 (自有房地产经营活动)": the leading token is the code.
                    String code = e.asText().trim().split("\\s+")[0];
                    if (Industries.resolve(code) == null) {
                        throw new IllegalStateException("thresholds JSON: " + id + " excludes bad code " + code);
                    }
                    excluded.add(code);
                }
            }
            for (String code : excluded) {
                entries.putIfAbsent(code, UNLISTED); // an explicit positive scope elsewhere wins
            }
            Group other = groups.get("OTHER");
            if (other == null || !other.indicators().equals(List.of(Ind.EMPLOYEES))) {
                throw new IllegalStateException("thresholds JSON: OTHER (其他未列明行业, 从业人员 only) is required");
            }
            groups.put(UNLISTED, new Group(UNLISTED, "未列明行业", other.indicators(), other.bounds(),
                    other.boundsDisplay()));
            GROUPS = Collections.unmodifiableMap(groups);
            ENTRIES = Map.copyOf(entries);
        }
    }

    /**
     * Classifies by the 300号 table.
     *
     * @param industryCode GB/T 4754-2017 code (section letter, division, group or class); may be null
     * @param employees    从业人员 (persons); may be null
     * @param revenueYuan  营业收入 in yuan; may be null
     * @param assetsYuan   资产总额 in yuan; may be null
     */
    public static SizeResult classify(String industryCode, Long employees, Long revenueYuan, Long assetsYuan) {
        Long[] values = {employees, revenueYuan, assetsYuan}; // indexed by Ind.ordinal()
        Industries.Industry industry = Industries.resolve(industryCode);
        Set<String> candidates = industry == null ? Holder.GROUPS.keySet() : candidates(industry);

        if (candidates.size() == 1) {
            Group g = Holder.GROUPS.get(candidates.iterator().next());
            Outcome o = evaluate(g, values);
            String label = label(g, industry);
            List<String> missing = o.scale == null ? fields(o.missing, false) : List.of();
            return new SizeResult(o.scale, missing, label + ": " + o.text, g.id());
        }

        String why = industryCode == null ? "行业代码缺失"
                : industry == null ? "行业代码 '" + industryCode + "' 无效(非GB/T 4754-2017代码)"
                : "行业代码 " + industryCode + " 不足以确定300号行业";
        Set<Ind> missingInds = EnumSet.noneOf(Ind.class);
        Set<Scale> scales = new TreeSet<>();
        boolean undecided = false;
        StringBuilder detail = new StringBuilder();
        for (String id : candidates) {
            Group g = Holder.GROUPS.get(id);
            Outcome o = evaluate(g, values);
            if (o.scale == null) {
                undecided = true;
                missingInds.addAll(o.missing);
            } else {
                scales.add(o.scale);
            }
            if (detail.length() > 0) {
                detail.append("; ");
            }
            detail.append(g.nameZh()).append("→").append(o.scale == null ? "未定" : o.scale.zh());
        }
        if (!undecided && scales.size() == 1) {
            Scale s = scales.iterator().next();
            return new SizeResult(s, List.of(), why + ", 但所有候选行业均为" + s.zh() + " (" + detail + ") → " + s.zh(),
                    null);
        }
        return new SizeResult(null, fields(missingInds, true), why + ", 候选行业结论不一致或未定 (" + detail + ")",
                null);
    }

    /** {@link #computeCandidates} per industry code: a pure function of the code, and a batch asks it per row. */
    private static final Map<String, Set<String>> CANDIDATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Candidate group ids for a resolved code (more than one when the code spans several industries). */
    private static Set<String> candidates(Industries.Industry industry) {
        return CANDIDATES.computeIfAbsent(industry.code(), k -> java.util.Collections.unmodifiableSet(computeCandidates(industry)));
    }

    private static Set<String> computeCandidates(Industries.Industry industry) {
        String code = industry.code();
        String section = String.valueOf(industry.section());
        // inherited assignment: most specific entry among the strict ancestors (section, division, group)
        String inherited = UNLISTED;
        List<String> ancestors = new ArrayList<>();
        ancestors.add(section);
        for (int len = 2; len < code.length(); len++) {
            ancestors.add(code.substring(0, len));
        }
        if (code.length() == 1) {
            ancestors.clear();
        }
        for (String a : ancestors) {
            inherited = Holder.ENTRIES.getOrDefault(a, inherited);
        }
        Set<String> out = new LinkedHashSet<>();
        collect(code, inherited, out);
        return out;
    }

    private static void collect(String code, String inherited, Set<String> out) {
        String here = Holder.ENTRIES.getOrDefault(code, inherited);
        List<String> descendants = descendantEntries(code);
        if (descendants.isEmpty()) {
            out.add(here);
            return;
        }
        List<String> children = code.length() == 1 ? Industries.divisionsOf(code.charAt(0))
                : KNOWN_CHILDREN.get(code);
        if (children == null) {
            // children unknown: the remainder may belong to `here`, and each deeper entry is possible
            out.add(here);
            for (String d : descendants) {
                out.add(Holder.ENTRIES.get(d));
            }
            return;
        }
        for (String child : children) {
            collect(child, here, out);
        }
    }

    private static List<String> descendantEntries(String code) {
        List<String> out = new ArrayList<>();
        for (String e : Holder.ENTRIES.keySet()) {
            if (e.length() <= code.length() || !Character.isDigit(e.charAt(0))) {
                continue;
            }
            boolean below = code.length() == 1
                    ? Industries.resolve(e).section() == code.charAt(0)
                    : e.startsWith(code);
            if (below) {
                out.add(e);
            }
        }
        return out;
    }

    private record Outcome(Scale scale, Set<Ind> missing, String text) {
    }

    /** Exact three-valued evaluation of one industry's table. */
    private static Outcome evaluate(Group g, Long[] values) {
        Set<Ind> nulls = EnumSet.noneOf(Ind.class);
        for (Ind i : g.indicators()) {
            if (values[i.ordinal()] == null) {
                nulls.add(i);
            }
        }
        String above = null; // why the class above was not reached
        for (int c = 0; c < 3; c++) {
            List<String> pass = new ArrayList<>();
            List<String> fail = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < g.indicators().size(); i++) {
                Ind ind = g.indicators().get(i);
                Long v = values[ind.ordinal()];
                if (v == null) {
                    unknown.add(ind.zh);
                } else if (v >= g.bounds()[c][i]) {
                    pass.add(ind.zh + " " + fmt(ind, v) + " ≥ " + fmtBound(ind, g.boundsDisplay()[c][i]));
                } else {
                    fail.add(ind.zh + " " + fmt(ind, v) + " < " + fmtBound(ind, g.boundsDisplay()[c][i]));
                }
            }
            String cls = CLASSES[c].zh();
            if (!fail.isEmpty()) {
                above = "未达" + cls + ": " + String.join(" 或 ", fail);
                if (c == 2) {
                    return new Outcome(Scale.MICRO, Set.of(), String.join(" 或 ", fail) + " → 微型");
                }
                continue;
            }
            if (!unknown.isEmpty()) {
                String known = pass.isEmpty() ? "" : "; 已知 " + String.join(" 且 ", pass);
                String prior = above == null ? "" : "; " + above;
                return new Outcome(null, nulls, "缺少" + String.join("、", unknown) + ", 无法判定是否达到" + cls
                        + known + prior);
            }
            String text = String.join(" 且 ", pass) + " → " + cls + (above == null ? "" : " (" + above + ")");
            return new Outcome(CLASSES[c], Set.of(), text);
        }
        throw new AssertionError("unreachable");
    }

    private static String label(Group g, Industries.Industry industry) {
        if (!g.id().equals(UNLISTED)) {
            return g.nameZh() + "(300号)";
        }
        String what = industry.code() + " " + industry.sectionName();
        String finance = industry.section() == 'J' ? "; 金融业应按银发〔2015〕309号划型, 此处未实现" : "";
        return "未列明行业 " + what + "(300号未列入, 参照本规定按其他未列明行业标准仅用从业人员" + finance + ")";
    }

    private static List<String> fields(Set<Ind> inds, boolean withIndustry) {
        List<String> out = new ArrayList<>();
        if (withIndustry) {
            out.add(F_INDUSTRY);
        }
        for (Ind i : Ind.values()) {
            if (inds.contains(i)) {
                out.add(i.field);
            }
        }
        return out;
    }

    private static String fmt(Ind ind, long v) {
        return ind.money ? BigDecimal.valueOf(v).movePointLeft(4).stripTrailingZeros().toPlainString() + "万"
                : Long.toString(v);
    }

    private static String fmtBound(Ind ind, long display) {
        return ind.money ? display + "万" : Long.toString(display);
    }
}
