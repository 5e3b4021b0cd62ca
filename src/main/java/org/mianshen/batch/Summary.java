package org.mianshen.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;
import org.mianshen.model.MatchResult;
import org.mianshen.model.Measure;
import org.mianshen.reference.Regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch run did: rows read, matched, rejected; entitlements per family and per measure;
 * enterprises per jurisdiction; amounts per family; throughput. Each worker fills its own
 * {@link Tally} (no sharing on the hot path); the tallies are merged once at the end.
 */
public final class Summary {

    /** Per-worker counters. Not thread-safe: one per worker. */
    public static final class Tally {
        long matched, rejected, withWarnings, entitlements, eligible, needsInfo;
        final Map<String, long[]> family = new HashMap<>();      // eligible, needsInfo, eligibleAmount, needsInfoAmount
        final Map<String, long[]> measure = new HashMap<>();     // eligible, needsInfo
        final Map<String, long[]> jurisdiction = new HashMap<>();
        final Map<String, long[]> rejectField = new HashMap<>();
        private final Jurisdictions jurisdictions;

        Tally(Jurisdictions j) { this.jurisdictions = j; }

        void matched(MatchResult r, String regionCode) {
            matched++;
            if (!r.warnings().isEmpty()) withWarnings++;
            jurisdiction.computeIfAbsent(jurisdictions.label(regionCode), k -> new long[1])[0]++;
            for (Entitlement e : r.entitlements()) {
                entitlements++;
                boolean ok = e.status() == Grant.Status.ELIGIBLE;
                if (ok) eligible++; else needsInfo++;
                long[] f = family.computeIfAbsent(e.family(), k -> new long[4]);
                f[ok ? 0 : 1]++;
                if (e.amountYuan() != null) f[ok ? 2 : 3] += e.amountYuan();
                measure.computeIfAbsent(e.measureId(), k -> new long[2])[ok ? 0 : 1]++;
            }
        }

        void rejected(String field) {
            rejected++;
            rejectField.computeIfAbsent(field == null || field.isEmpty() ? "(row)" : field.replaceAll("\\[\\d+]", "[]"), k -> new long[1])[0]++;
        }

        /** Moves this tally's counts into a new one and clears this one (a chunk's counts, handed to the writer with it). */
        Tally drain() {
            Tally t = new Tally(jurisdictions);
            t.add(this);
            matched = rejected = withWarnings = entitlements = eligible = needsInfo = 0;
            family.clear(); measure.clear(); jurisdiction.clear(); rejectField.clear();
            return t;
        }

        void add(Tally o) {
            matched += o.matched; rejected += o.rejected; withWarnings += o.withWarnings;
            entitlements += o.entitlements; eligible += o.eligible; needsInfo += o.needsInfo;
            merge(family, o.family); merge(measure, o.measure); merge(jurisdiction, o.jurisdiction); merge(rejectField, o.rejectField);
        }

        private static void merge(Map<String, long[]> into, Map<String, long[]> from) {
            from.forEach((k, v) -> {
                long[] t = into.computeIfAbsent(k, x -> new long[v.length]);
                for (int i = 0; i < v.length; i++) t[i] += v[i];
            });
        }
    }

    /** Labels an enterprise by the most local jurisdiction of the rule tree its region falls in. */
    static final class Jurisdictions {
        private final List<String> prefixes;   // longest first
        private final Map<String, String> labels = new HashMap<>();

        Jurisdictions(List<Measure> catalogue) {
            java.util.Set<String> set = new java.util.TreeSet<>();
            for (Measure m : catalogue) if (!m.jurisdiction().isEmpty()) set.add(m.jurisdiction());
            List<String> l = new ArrayList<>(set);
            l.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            prefixes = List.copyOf(l);
            for (String p : prefixes) labels.put(p, p + " " + name(p));
        }

        String label(String regionCode) {
            if (regionCode == null) return "未提供 regionCode";
            for (String p : prefixes) if (regionCode.startsWith(p)) return labels.get(p);
            return "全国（其他地区）";
        }

        private static String name(String prefix) {
            String n = Regions.describe(prefix);
            return n == null ? "" : n;
        }
    }

    // ---- the report ---------------------------------------------------------------------------

    /** The JSON written by {@code --summary} (field meanings in docs/batch.md). */
    @JsonPropertyOrder({"completed", "input", "output", "rejectsFile", "asOf", "threads", "rowsRead", "matched", "rejected",
            "rejectedByField", "withWarnings", "entitlements", "eligible", "needsInfo", "entitlementsByFamily",
            "entitlementsByMeasure", "enterprisesByJurisdiction", "elapsedSeconds", "rowsPerSecond", "stoppedAt"})
    public record Report(boolean completed, String input, String output, String rejectsFile, String asOf, int threads,
                         long rowsRead, long matched, long rejected, Map<String, Long> rejectedByField, long withWarnings,
                         long entitlements, long eligible, long needsInfo,
                         Map<String, FamilyCount> entitlementsByFamily, Map<String, MeasureCount> entitlementsByMeasure,
                         Map<String, Long> enterprisesByJurisdiction, double elapsedSeconds, double rowsPerSecond,
                         String stoppedAt) {

        @JsonPropertyOrder({"eligible", "needsInfo", "amountYuan", "needsInfoAmountYuan"})
        public record FamilyCount(long eligible, long needsInfo, long amountYuan, long needsInfoAmountYuan) {}

        public record MeasureCount(long eligible, long needsInfo) {}

        /** The summary for people, in Chinese. */
        public String toChinese() {
            StringBuilder sb = new StringBuilder();
            sb.append(completed ? "批量匹配完成" : "批量匹配未完成").append("：读取 ").append(n(rowsRead)).append(" 行，匹配 ")
                    .append(n(matched)).append(" 户，拒收 ").append(n(rejected)).append(" 行");
            if (rejected > 0 && rejectsFile != null) sb.append("（见 ").append(rejectsFile).append("）");
            sb.append('\n');
            sb.append(String.format("用时 %.1f 秒，%s 行/秒，%d 个工作线程；评估日期 %s%n", elapsedSeconds, n(Math.round(rowsPerSecond)), threads, asOf));
            if (!rejectedByField.isEmpty()) {
                sb.append("拒收原因（按字段）：");
                List<String> parts = new ArrayList<>();
                rejectedByField.forEach((k, v) -> parts.add(k + " " + n(v)));
                sb.append(String.join("，", parts)).append('\n');
            }
            sb.append("享受政策：").append(n(entitlements)).append(" 项（可享受 ").append(n(eligible)).append("，需补充信息 ")
                    .append(n(needsInfo)).append("）；有提示信息的企业 ").append(n(withWarnings)).append(" 户\n");
            if (!enterprisesByJurisdiction.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                enterprisesByJurisdiction.forEach((k, v) -> rows.add(new String[]{k, n(v)}));
                sb.append('\n').append(table("按地区", new String[]{"企业户数"}, rows));
            }
            if (!entitlementsByFamily.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                long total = 0;
                for (var v : entitlementsByFamily.values()) total += v.amountYuan;
                for (var e : entitlementsByFamily.entrySet()) {
                    if (rows.size() == 20) {
                        rows.add(new String[]{"… 另 " + (entitlementsByFamily.size() - 20) + " 类（完整列表：--summary FILE）", "", "", ""});
                        break;
                    }
                    var v = e.getValue();
                    rows.add(new String[]{e.getKey(), n(v.eligible), n(v.needsInfo), n(v.amountYuan)});
                }
                rows.add(new String[]{"合计（全部类别）", "", "", n(total)});
                sb.append('\n').append(table("按政策类别（前 20 类）", new String[]{"可享受", "需补充信息", "金额合计（元，可享受）"}, rows));
            }
            if (!entitlementsByMeasure.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                for (var e : entitlementsByMeasure.entrySet()) {
                    if (rows.size() == 20) {
                        rows.add(new String[]{"… 另 " + (entitlementsByMeasure.size() - 20) + " 项措施（完整列表：--summary FILE）", "", ""});
                        break;
                    }
                    rows.add(new String[]{e.getKey(), n(e.getValue().eligible), n(e.getValue().needsInfo)});
                }
                sb.append('\n').append(table("按措施（前 20 项）", new String[]{"可享受", "需补充信息"}, rows));
            }
            if (stoppedAt != null) sb.append('\n').append(stoppedAt).append('\n');
            return sb.toString();
        }

        private static String n(long v) { return String.format("%,d", v); }

        /**
         * A table for a terminal: the first column left-aligned and as wide as its longest label, the number
         * columns right-aligned; widths count a CJK character as two columns, as terminals draw them.
         */
        static String table(String title, String[] headers, List<String[]> rows) {
            int first = width(title) + 1;
            for (String[] r : rows) if (!r[0].startsWith("…")) first = Math.max(first, width(r[0]));
            int[] w = new int[headers.length];
            for (int c = 0; c < headers.length; c++) {
                w[c] = Math.max(10, width(headers[c]));
                for (String[] r : rows) w[c] = Math.max(w[c], width(r[c + 1]));
            }
            StringBuilder sb = new StringBuilder("  ").append(pad(title + "：", first, false));
            for (int c = 0; c < headers.length; c++) sb.append("  ").append(pad(headers[c], w[c], true));
            sb.append('\n');
            for (String[] r : rows) {
                if (r[0].startsWith("…")) { sb.append("  ").append(r[0]).append('\n'); continue; }
                sb.append("  ").append(pad(r[0], first, false));
                for (int c = 0; c < headers.length; c++) sb.append("  ").append(pad(r[c + 1], w[c], true));
                sb.append('\n');
            }
            return sb.toString();
        }

        private static int width(String s) {
            int w = 0;
            for (int i = 0; i < s.length(); i++) w += s.charAt(i) >= 0x1100 ? 2 : 1;
            return w;
        }

        private static String pad(String s, int width, boolean right) {
            String fill = " ".repeat(Math.max(0, width - width(s)));
            return right ? fill + s : s + fill;
        }
    }

    static Report report(boolean completed, String input, String output, String rejectsFile, String asOf, int threads,
                         long rowsRead, Tally t, double seconds, String stoppedAt) {
        Map<String, Report.FamilyCount> fam = new LinkedHashMap<>();
        t.family.entrySet().stream().sorted(byCount(e -> e.getValue()[0] + e.getValue()[1]))
                .forEach(e -> fam.put(e.getKey(), new Report.FamilyCount(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])));
        Map<String, Report.MeasureCount> mea = new LinkedHashMap<>();
        t.measure.entrySet().stream().sorted(byCount(e -> e.getValue()[0] + e.getValue()[1]))
                .forEach(e -> mea.put(e.getKey(), new Report.MeasureCount(e.getValue()[0], e.getValue()[1])));
        Map<String, Long> jur = new LinkedHashMap<>();
        t.jurisdiction.entrySet().stream().sorted(byCount(e -> e.getValue()[0])).forEach(e -> jur.put(e.getKey(), e.getValue()[0]));
        Map<String, Long> rej = new TreeMap<>();
        t.rejectField.forEach((k, v) -> rej.put(k, v[0]));
        return new Report(completed, input, output, rejectsFile, asOf, threads, rowsRead, t.matched, t.rejected, rej,
                t.withWarnings, t.entitlements, t.eligible, t.needsInfo, fam, mea, jur,
                Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(rowsRead / seconds) : 0, stoppedAt);
    }

    private static <K> Comparator<Map.Entry<K, long[]>> byCount(java.util.function.ToLongFunction<Map.Entry<K, long[]>> f) {
        return Comparator.<Map.Entry<K, long[]>>comparingLong(f).reversed().thenComparing(e -> String.valueOf(e.getKey()));
    }

    private Summary() {}
}
