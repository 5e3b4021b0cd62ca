package org.mianshen.cli;

import org.mianshen.io.Json;
import org.mianshen.model.Delivery;
import org.mianshen.model.Measure;
import org.mianshen.reference.Regions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rules --summary}: the catalogue counted by jurisdiction × delivery tier, each count with how many of
 * its measures are in force on a date; drafts (征求意见稿) counted apart, since they are not law.
 */
record RuleSummary(LocalDate asOf, List<Row> rows, Row total) {

    /** One jurisdiction: measures per tier ({@code all}, and {@code inForce} on the date) and drafts. */
    record Row(String jurisdiction, String name, Map<String, int[]> byTier, int drafts, int draftsInForce) {}

    static RuleSummary of(List<Measure> measures, LocalDate asOf) {
        Map<String, List<Measure>> byJurisdiction = new TreeMap<>();
        for (Measure m : measures) byJurisdiction.computeIfAbsent(m.jurisdiction(), k -> new ArrayList<>()).add(m);
        List<Row> rows = new ArrayList<>();
        for (var en : byJurisdiction.entrySet()) rows.add(row(en.getKey(), name(en.getKey()), en.getValue(), asOf));
        return new RuleSummary(asOf, rows, row("*", "合计", measures, asOf));
    }

    private static Row row(String jurisdiction, String name, List<Measure> measures, LocalDate asOf) {
        Map<String, int[]> byTier = new LinkedHashMap<>();
        for (Delivery d : Delivery.values()) byTier.put(d.name(), new int[2]);
        byTier.put("UNSET", new int[2]);
        int drafts = 0, draftsInForce = 0;
        for (Measure m : measures) {
            boolean live = m.inForce(asOf);
            if (m.isDraft()) { drafts++; if (live) draftsInForce++; continue; }
            int[] c = byTier.get(m.delivery() == null ? "UNSET" : m.delivery().name());
            c[0]++;
            if (live) c[1]++;
        }
        if (byTier.get("UNSET")[0] == 0) byTier.remove("UNSET");
        return new Row(jurisdiction, name, byTier, drafts, draftsInForce);
    }

    private static String name(String jurisdiction) {
        if (jurisdiction.isEmpty()) return "全国";
        String n = Regions.describe(jurisdiction);
        return n == null ? jurisdiction : n;
    }

    String render(boolean json) {
        if (json) {
            try {
                return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("措施数（施行中/全部），评估日期 ").append(asOf).append("；征求意见稿不是正式文件，单独计数\n");
        String header = pad("地区", 28) + pad("免申即享", 12) + pad("依申请可享", 12) + pad("相关支持措施", 14) + pad("征求意见稿", 12);
        sb.append(header.stripTrailing()).append('\n');
        for (Row r : rows) line(sb, r);
        line(sb, total);
        return sb.toString();
    }

    private static void line(StringBuilder sb, Row r) {
        sb.append(pad((r.jurisdiction().equals("*") ? "" : r.jurisdiction().isEmpty() ? "" : r.jurisdiction() + " ") + r.name(), 28));
        for (Delivery d : Delivery.values()) {
            int[] c = r.byTier().get(d.name());
            sb.append(pad(c[1] + "/" + c[0], d == Delivery.SUPPORT ? 14 : 12));
        }
        sb.append(pad(r.draftsInForce() + "/" + r.drafts(), 12).stripTrailing());
        int[] unset = r.byTier().get("UNSET");
        if (unset != null) sb.append("  （未标注方式 ").append(unset[1]).append("/").append(unset[0]).append("）");
        sb.append('\n');
    }

    /** Pads to a display width (CJK characters are two columns wide). */
    static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        return s + " ".repeat(Math.max(1, width - w));
    }
}
