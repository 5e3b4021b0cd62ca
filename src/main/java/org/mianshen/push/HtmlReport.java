package org.mianshen.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.mianshen.io.Json;
import org.mianshen.model.Delivery;
import org.mianshen.model.Measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run's figures as one self-contained HTML page (docs/push.md): inline CSS, bar charts drawn here as inline SVG,
 * no script, no font, no request to any network. Fed one enterprise at a time ({@link #add}), so it sees any size of
 * output with memory bounded by the number of measures, jurisdictions and missing facts.
 */
public final class HtmlReport {
    private final Catalogue cat;
    private long enterprises, withEntitlement, entitlements;
    private final Map<String, long[]> jurisdiction = new HashMap<>();
    private final Map<Delivery, long[]> tier = new EnumMap<>(Delivery.class);      // eligible, needsInfo, eligibleAmount
    private final Map<String, long[]> measure = new HashMap<>();                   // eligible, needsInfo, eligibleAmount
    private final Map<String, long[]> missing = new HashMap<>();                   // entitlements, enterprises
    private final Map<String, long[]> rejects = new HashMap<>();                   // count
    private final Map<String, String> rejectExample = new HashMap<>();
    private long rejected;

    public HtmlReport(Catalogue cat) { this.cat = cat; }

    public void add(PushRecord r) {
        enterprises++;
        if (!r.items().isEmpty()) withEntitlement++;
        jurisdiction.computeIfAbsent(cat.jurisdictionLabel(r.regionCode()), k -> new long[1])[0]++;
        Set<String> facts = new HashSet<>();
        for (PushRecord.Item i : r.items()) {
            entitlements++;
            int s = i.eligible() ? 0 : 1;
            long a = i.eligible() && i.amountYuan() != null ? i.amountYuan() : 0;
            long[] t = tier.computeIfAbsent(i.delivery(), k -> new long[3]);
            t[s]++; t[2] += a;
            long[] m = measure.computeIfAbsent(i.measureId(), k -> new long[3]);
            m[s]++; m[2] += a;
            if (!i.eligible()) for (String f : i.missing()) {
                long[] x = missing.computeIfAbsent(f, k -> new long[2]);
                x[0]++;
                if (facts.add(f)) x[1]++;
            }
        }
    }

    /** Reads a batch rejects file ({line, raw, field, value, reason} per line) and counts rejects by field and reason. */
    public void addRejects(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = Json.MAPPER.readTree(line);
                String field = n.path("field").asText("(row)").replaceAll("\\[\\d+]", "[]");
                String reason = n.path("reason").asText("");
                String value = n.path("value").asText("");
                // the reason names the value; the category is the field and the reason without it
                String category = field + "：" + (value.isEmpty() ? reason : reason.replace(value, "…"));
                rejects.computeIfAbsent(category, k -> new long[1])[0]++;
                rejectExample.putIfAbsent(category, "第 " + n.path("line").asText() + " 行");
                rejected++;
            }
        }
    }

    /** Counts rejects by field only (when the batch summary is all there is). */
    public void addRejectCounts(Map<String, Long> byField) {
        byField.forEach((f, c) -> { rejects.computeIfAbsent(f, k -> new long[1])[0] += c; rejected += c; });
    }

    public String render(String title, String subtitle) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style></head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">").append(esc(subtitle)).append("</p>\n");
        long eligible = 0, needs = 0, amount = 0;
        for (long[] t : tier.values()) { eligible += t[0]; needs += t[1]; amount += t[2]; }
        h.append("<div class=\"cards\">");
        card(h, "企业", enterprises, "户");
        card(h, "有政策可享的企业", withEntitlement, "户");
        card(h, "可享受", eligible, "项");
        card(h, "需补充信息", needs, "项");
        card(h, "可享受金额合计", amount, "元");
        card(h, "拒收行", rejected, "行");
        h.append("</div>\n");

        section(h, "按地区（企业户数）", "各地区按规则库中最具体的辖区归类。");
        h.append(bars(sorted(jurisdiction, 0, 30), new String[]{"企业"}, "户"));

        section(h, "按兑现方式", "可享受与需补充信息的项数；金额为政策可计算的可享受金额。");
        List<Row> tiers = new ArrayList<>();
        for (Delivery d : Delivery.values()) if (tier.containsKey(d)) { long[] t = tier.get(d); tiers.add(new Row(d.zh(), t)); }
        h.append(bars(tiers, new String[]{"可享受", "需补充信息"}, "项"));
        h.append(table(new String[]{"兑现方式", "可享受（项）", "需补充信息（项）", "可享受金额（元）"}, tiers, 3));

        section(h, "按措施（前 30 项）", "每项措施惠及的企业；完整名单见 push 目录的 00-index。");
        List<Row> ms = sorted(measure, -1, 30);
        h.append(bars(ms, new String[]{"可享受", "需补充信息"}, "项"));
        List<Row> named = new ArrayList<>();
        for (Row r : ms) {
            Measure m = cat.get(r.label);
            named.add(new Row(r.label + (m == null ? "" : "　" + m.title() + "（" + m.delivery().zh() + "）"), r.v));
        }
        h.append(table(new String[]{"措施", "可享受（户）", "需补充信息（户）", "可享受金额（元）"}, named, 3));

        section(h, "需补充信息：缺少的数据（前 30 项）", "补齐这些数据，相应企业的政策即可确定——这是下一步应采集的数据。");
        List<Row> miss = sorted(missing, 1, 30);
        List<Row> missByEnterprise = new ArrayList<>();
        for (Row r : miss) missByEnterprise.add(new Row(r.label, new long[]{r.v[1]}));
        h.append(bars(missByEnterprise, new String[]{"涉及企业"}, "户"));
        h.append(table(new String[]{"缺少的数据", "涉及政策（项次）", "涉及企业（户）"}, miss, 2));

        section(h, "拒收行（按原因）", rejected == 0 ? "本次运行没有拒收行。" : "拒收的行未参与匹配，修正后重新运行。");
        if (rejected > 0) {
            List<Row> rj = sorted(rejects, 0, 30);
            h.append(bars(rj, new String[]{"拒收"}, "行"));
            List<Row> withExample = new ArrayList<>();
            for (Row r : rj) withExample.add(new Row(r.label + (rejectExample.containsKey(r.label) ? "（如" + rejectExample.get(r.label) + "）" : ""), r.v));
            h.append(table(new String[]{"原因", "行数"}, withExample, 1));
        }
        h.append("<footer>由 mianshen 生成；本页自带样式与图表，不引用任何外部资源。</footer>\n</body></html>\n");
        return h.toString();
    }

    public void write(Path file, String title, String subtitle) throws IOException {
        Files.writeString(file, render(title, subtitle), StandardCharsets.UTF_8);
    }

    private record Row(String label, long[] v) {}

    /** Rows by value descending (column {@code col}, or -1 = first two summed), ties by label; at most {@code limit}. */
    private static List<Row> sorted(Map<String, long[]> m, int col, int limit) {
        List<Row> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(new Row(k, v)));
        java.util.function.ToLongFunction<Row> key = col < 0 ? r -> r.v[0] + r.v[1] : r -> r.v[col];
        rows.sort(java.util.Comparator.comparingLong(key).reversed().thenComparing(Row::label));
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private static final String[] COLORS = {"#2f6fb3", "#e0a030"};

    /** A horizontal bar chart as inline SVG: label, bar (stacked for two series), value. */
    static String bars(List<Row> rows, String[] series, String unit) {
        if (rows.isEmpty()) return "<p class=\"none\">（无）</p>\n";
        int labelW = 0;
        for (Row r : rows) labelW = Math.max(labelW, textWidth(r.label));
        labelW = Math.min(labelW, 420) + 10;
        int barW = 360, rowH = 22, top = series.length > 1 ? 24 : 4;
        long max = 1;
        for (Row r : rows) { long s = 0; for (int i = 0; i < series.length; i++) s += r.v[i]; max = Math.max(max, s); }
        int width = labelW + barW + 110, height = top + rows.size() * rowH + 4;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">\n");
        if (series.length > 1) {
            int x = labelW;
            for (int i = 0; i < series.length; i++) {
                s.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"").append(COLORS[i]).append("\"/>")
                        .append("<text x=\"").append(x + 16).append("\" y=\"16\">").append(esc(series[i])).append("</text>\n");
                x += 16 + textWidth(series[i]) + 20;
            }
        }
        int y = top;
        for (Row r : rows) {
            String label = r.label;
            while (textWidth(label) > 420 && label.length() > 4) label = label.substring(0, label.length() - 2);
            if (!label.equals(r.label)) label += "…";
            s.append("<g class=\"bar\"><title>").append(esc(r.label)).append("</title>");
            s.append("<text class=\"label\" x=\"").append(labelW - 8).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(esc(label)).append("</text>");
            double x = labelW;
            long sum = 0;
            for (int i = 0; i < series.length; i++) {
                double w = (double) r.v[i] / max * barW;
                sum += r.v[i];
                if (r.v[i] > 0) s.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>",
                        x, y + 3, Math.max(w, 1.0), COLORS[i]));
                x += w;
            }
            s.append(String.format(java.util.Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%,d %s</text></g>%n", x + 6, y + 15, sum, unit));
            y += rowH;
        }
        return s.append("</svg>\n").toString();
    }

    private static String table(String[] head, List<Row> rows, int cols) {
        StringBuilder s = new StringBuilder("<table><thead><tr>");
        for (String x : head) s.append("<th>").append(esc(x)).append("</th>");
        s.append("</tr></thead><tbody>\n");
        for (Row r : rows) {
            s.append("<tr><td>").append(esc(r.label)).append("</td>");
            for (int i = 0; i < cols; i++) s.append("<td class=\"num\">").append(String.format("%,d", r.v[i])).append("</td>");
            s.append("</tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }

    private static void card(StringBuilder h, String label, long v, String unit) {
        h.append("<div class=\"card\"><div class=\"k\">").append(esc(label)).append("</div><div class=\"v\">")
                .append(String.format("%,d", v)).append(" <small>").append(unit).append("</small></div></div>");
    }

    private static void section(StringBuilder h, String title, String note) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<p class=\"note\">").append(esc(note)).append("</p>\n");
    }

    /** Approximate width in pixels at 13 px: a CJK character is about twice a Latin one. */
    static int textWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) >= 0x1100 ? 13 : 7;
        return w;
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
            h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc;padding-bottom:4px}
            .sub,.note{color:#666;font-size:13px}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
            .card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:140px}.card .k{font-size:12px;color:#666}
            .card .v{font-size:20px;font-weight:600}.card small{font-size:12px;font-weight:400;color:#666}
            svg.chart{display:block;margin:8px 0;font-size:13px}svg.chart text{fill:#333}svg .value{fill:#555}
            table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}
            th{background:#f4f6f8}td.num{text-align:right;font-variant-numeric:tabular-nums}.none{color:#999}
            footer{margin-top:40px;color:#999;font-size:12px}
            """;
}
