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
        final Map<String, long[]> entityType = new HashMap<>();
        long regionFromUscc;
        final Map<String, long[]> rejectField = new HashMap<>();
        /** Amounts of ELIGIBLE entitlements, by tier, family, measure and enterprise jurisdiction: see {@link #amount}. */
        final Map<String, long[]> tierAmount = new HashMap<>(), familyAmount = new HashMap<>(), measureAmount = new HashMap<>(),
                jurisdictionAmount = new HashMap<>();
        private final Jurisdictions jurisdictions;

        Tally(Jurisdictions j) { this.jurisdictions = j; }

        void matched(MatchResult r, String regionCode) {
            matched++;
            if (!r.warnings().isEmpty()) withWarnings++;
            String where = jurisdictions.label(regionCode);
            jurisdiction.computeIfAbsent(where, k -> new long[1])[0]++;
            var d = r.derived();
            if (d != null) {   // a compact or test result may carry no derived facts
                String kind = d.entityType() == null ? "未知" : d.entityType().zh()
                        + (d.legalForm() == null ? "" : "（" + d.legalForm().zh() + "）") + (Boolean.TRUE.equals(d.branch()) ? "·分支机构" : "");
                entityType.computeIfAbsent(kind, k -> new long[1])[0]++;
                if ("USCC".equals(d.regionSource())) regionFromUscc++;
            }
            for (Entitlement e : r.entitlements()) {
                entitlements++;
                boolean ok = e.status() == Grant.Status.ELIGIBLE;
                if (ok) eligible++; else needsInfo++;
                long[] f = family.computeIfAbsent(e.family(), k -> new long[4]);
                f[ok ? 0 : 1]++;
                if (e.amountYuan() != null) f[ok ? 2 : 3] += e.amountYuan();
                measure.computeIfAbsent(e.measureId(), k -> new long[2])[ok ? 0 : 1]++;
                if (ok) {
                    amount(tierAmount, e.delivery() == null ? "" : e.delivery().name(), e);
                    amount(familyAmount, e.family(), e);
                    amount(measureAmount, e.measureId(), e);
                    amount(jurisdictionAmount, where, e);
                }
            }
        }

        /**
         * [eligible, with an amount, amount unknown, one-off yuan, per-month yuan, per-year yuan]: amounts of
         * different periods are never added together.
         */
        private static void amount(Map<String, long[]> into, String key, Entitlement e) {
            long[] a = into.computeIfAbsent(key, k -> new long[6]);
            a[0]++;
            if (e.amountYuan() == null) { a[2]++; return; }
            a[1]++;
            int slot = e.amountPeriod() == null ? 3 : switch (e.amountPeriod()) { case ONE_OFF -> 3; case PER_MONTH -> 4; case PER_YEAR -> 5; };
            a[slot] = Math.addExact(a[slot], e.amountYuan());
        }

        void rejected(String field) {
            rejected++;
            rejectField.computeIfAbsent(field == null || field.isEmpty() ? "(row)" : field.replaceAll("\\[\\d+]", "[]"), k -> new long[1])[0]++;
        }

        /** Moves this tally's counts into a new one and clears this one (a chunk's counts, handed to the writer with it). */
        Tally drain() {
            Tally t = new Tally(jurisdictions);
            t.add(this);
            reset();
            return t;
        }

        void add(Tally o) {
            try {
                for (java.lang.reflect.Field f : counters()) {
                    if (f.getType() == long.class) f.setLong(this, f.getLong(this) + f.getLong(o));
                    else merge(map(f, this), map(f, o));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sets every counter to zero. */
        void reset() {
            try {
                for (java.lang.reflect.Field f : counters()) {
                    if (f.getType() == long.class) f.setLong(this, 0);
                    else map(f, this).clear();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every counter by field name (a long, or a map of long[]): what a checkpoint or a Spark partition carries. */
        public Map<String, Object> counterValues() {
            Map<String, Object> out = new java.util.TreeMap<>();
            try {
                for (java.lang.reflect.Field f : counters()) {
                    if (f.getType() == long.class) out.put(f.getName(), f.getLong(this));
                    else {
                        Map<String, long[]> copy = new java.util.TreeMap<>();
                        map(f, this).forEach((k, v) -> copy.put(k, v.clone()));
                        out.put(f.getName(), copy);
                    }
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }

        /** Adds counters written by {@link #counterValues()} (numbers may come back from JSON as int or long, lists as long[]). */
        @SuppressWarnings("unchecked")
        public void addCounterValues(Map<String, Object> values) {
            try {
                for (java.lang.reflect.Field f : counters()) {
                    Object v = values.get(f.getName());
                    if (v == null) continue;
                    if (f.getType() == long.class) f.setLong(this, f.getLong(this) + ((Number) v).longValue());
                    else {
                        Map<String, long[]> from = new HashMap<>();
                        ((Map<String, Object>) v).forEach((k, x) -> from.put(k, x instanceof long[] a ? a
                                : ((List<Number>) x).stream().mapToLong(Number::longValue).toArray()));
                        merge(map(f, this), from);
                    }
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, long[]> map(java.lang.reflect.Field f, Tally t) throws IllegalAccessException {
            return (Map<String, long[]>) f.get(t);
        }

        /**
         * The counters: every {@code long} and {@code Map} field. Found by reflection, once, so that merging, resetting,
         * checkpoints and the Spark job's partitions carry a counter added later without a change anywhere else.
         */
        static List<java.lang.reflect.Field> counters() { return COUNTERS; }

        private static final List<java.lang.reflect.Field> COUNTERS = findCounters();

        private static List<java.lang.reflect.Field> findCounters() {
            List<java.lang.reflect.Field> out = new ArrayList<>();
            for (java.lang.reflect.Field f : Tally.class.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
                if (f.getType() == long.class || Map.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
            return List.copyOf(out);
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
            if (regionCode == null) return "所在地未知（无 regionCode，信用代码也无法推定）";
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
            "entitlementsByMeasure", "enterprisesByJurisdiction", "regionFromUscc", "enterprisesByEntityType", "amountsByTier",
            "amountsByFamily", "amountsByMeasure", "amountsByJurisdiction", "elapsedSeconds", "rowsPerSecond", "stoppedAt"})
    public record Report(boolean completed, String input, String output, String rejectsFile, String asOf, int threads,
                         long rowsRead, long matched, long rejected, Map<String, Long> rejectedByField, long withWarnings,
                         long entitlements, long eligible, long needsInfo,
                         Map<String, FamilyCount> entitlementsByFamily, Map<String, MeasureCount> entitlementsByMeasure,
                         Map<String, Long> enterprisesByJurisdiction, long regionFromUscc,
                         Map<String, Long> enterprisesByEntityType, Map<String, AmountTotal> amountsByTier,
                         Map<String, AmountTotal> amountsByFamily, Map<String, AmountTotal> amountsByMeasure,
                         Map<String, AmountTotal> amountsByJurisdiction, double elapsedSeconds, double rowsPerSecond,
                         String stoppedAt) {

        @JsonPropertyOrder({"eligible", "needsInfo", "amountYuan", "needsInfoAmountYuan"})
        public record FamilyCount(long eligible, long needsInfo, long amountYuan, long needsInfoAmountYuan) {}

        public record MeasureCount(long eligible, long needsInfo) {}

        /**
         * Amounts of the ELIGIBLE entitlements: how many, how many carry an amount, how many do not (a formula lacked
         * an input, or the text fixes none), and the sums per period (one-off, per month, per year; never added up).
         */
        @JsonPropertyOrder({"eligible", "withAmount", "amountUnknown", "oneOffYuan", "perMonthYuan", "perYearYuan"})
        public record AmountTotal(long eligible, long withAmount, long amountUnknown, long oneOffYuan, long perMonthYuan, long perYearYuan) {
            static AmountTotal of(long[] a) { return new AmountTotal(a[0], a[1], a[2], a[3], a[4], a[5]); }

            String[] row(String label) { return new String[]{label, n(eligible), n(withAmount), n(amountUnknown), n(oneOffYuan), n(perMonthYuan), n(perYearYuan)}; }
        }

        private static final String[] AMOUNT_HEADERS = {"可享受", "有金额", "金额未知", "一次性（元）", "每月（元）", "每年（元）"};

        private static void amountTable(StringBuilder sb, String title, Map<String, AmountTotal> m, int top, java.util.function.Function<String, String> label) {
            if (m.isEmpty()) return;
            List<String[]> rows = new ArrayList<>();
            for (var e : m.entrySet()) {
                if (rows.size() == top) {
                    rows.add(new String[]{"… 另 " + (m.size() - top) + " 项（完整列表：--summary FILE）", "", "", "", "", "", ""});
                    break;
                }
                rows.add(e.getValue().row(label.apply(e.getKey())));
            }
            sb.append('\n').append(table(title, AMOUNT_HEADERS, rows));
        }

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
                if (regionFromUscc > 0) sb.append("  （其中 ").append(n(regionFromUscc))
                        .append(" 户未提供 regionCode，所在地按统一社会信用代码第3-8位登记机关代码推定）\n");
            }
            if (!enterprisesByEntityType.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                enterprisesByEntityType.forEach((k, v) -> rows.add(new String[]{k, n(v)}));
                sb.append('\n').append(table("按主体类型", new String[]{"户数"}, rows));
            }
            if (!entitlementsByFamily.isEmpty()) {
                // amounts are in the 金额 tables below, by period (a monthly and a yearly figure do not add up)
                List<String[]> rows = new ArrayList<>();
                for (var e : entitlementsByFamily.entrySet()) {
                    if (rows.size() == 20) {
                        rows.add(new String[]{"… 另 " + (entitlementsByFamily.size() - 20) + " 类（完整列表：--summary FILE）", "", ""});
                        break;
                    }
                    var v = e.getValue();
                    rows.add(new String[]{e.getKey(), n(v.eligible), n(v.needsInfo)});
                }
                sb.append('\n').append(table("按政策类别（前 20 类）", new String[]{"可享受", "需补充信息"}, rows));
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
            amountTable(sb, "金额（可享受，按享受方式）", amountsByTier, 10, k -> {
                try { return org.mianshen.model.Delivery.valueOf(k).zh(); } catch (IllegalArgumentException x) { return k; }
            });
            amountTable(sb, "金额（按地区）", amountsByJurisdiction, 20, k -> k);
            amountTable(sb, "金额（按政策类别，前 20 类）", amountsByFamily, 20, k -> k);
            amountTable(sb, "金额（按措施，前 20 项）", amountsByMeasure, 20, k -> k);
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
        Map<String, Long> kinds = new LinkedHashMap<>();
        t.entityType.entrySet().stream().sorted(byCount(e -> e.getValue()[0])).forEach(e -> kinds.put(e.getKey(), e.getValue()[0]));
        Map<String, Long> rej = new TreeMap<>();
        Map<String, Report.AmountTotal> tier = amounts(t.tierAmount), famA = amounts(t.familyAmount), meaA = amounts(t.measureAmount),
                jurA = amounts(t.jurisdictionAmount);
        t.rejectField.forEach((k, v) -> rej.put(k, v[0]));
        return new Report(completed, input, output, rejectsFile, asOf, threads, rowsRead, t.matched, t.rejected, rej,
                t.withWarnings, t.entitlements, t.eligible, t.needsInfo, fam, mea, jur, t.regionFromUscc, kinds, tier, famA, meaA, jurA,
                Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(rowsRead / seconds) : 0, stoppedAt);
    }

    /** Largest count of eligible entitlements first, then by name. */
    private static Map<String, Report.AmountTotal> amounts(Map<String, long[]> m) {
        Map<String, Report.AmountTotal> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(byCount(e -> e.getValue()[0])).forEach(e -> out.put(e.getKey(), Report.AmountTotal.of(e.getValue())));
        return out;
    }

    private static <K> Comparator<Map.Entry<K, long[]>> byCount(java.util.function.ToLongFunction<Map.Entry<K, long[]>> f) {
        return Comparator.<Map.Entry<K, long[]>>comparingLong(f).reversed().thenComparing(e -> String.valueOf(e.getKey()));
    }

    private Summary() {}
}
