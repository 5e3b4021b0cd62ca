package org.mianshen.push;

import org.mianshen.model.Measure;
import org.mianshen.model.ValidToBasis;
import org.mianshen.reference.Regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The loaded rule catalogue by measure id: what every output form leaves out and push, notify and the report need. */
public final class Catalogue {
    private final Map<String, Measure> byId = new LinkedHashMap<>();
    private List<String> prefixes;         // jurisdictions of the rule tree, longest first
    private final Map<String, String> labels = new HashMap<>();

    public Catalogue(List<Measure> measures) {
        for (Measure m : measures) byId.put(m.id(), m);
        index();
    }

    /**
     * Adds (or replaces) the measures of a batch run's measures file ({@code OUTPUT.measures.json}): a registry-contract
     * output is read with the measures it was written with, even when the loaded rule tree has changed since.
     */
    public void join(List<Measure> measures) {
        for (Measure m : measures) byId.put(m.id(), m);
        index();
    }

    private void index() {
        TreeSet<String> set = new TreeSet<>();
        for (Measure m : byId.values()) if (!m.jurisdiction().isEmpty()) set.add(m.jurisdiction());
        List<String> l = new ArrayList<>(set);
        l.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        prefixes = List.copyOf(l);
        for (String p : prefixes) {
            String n = Regions.describe(p);
            labels.put(p, p + " " + (n == null ? "" : n));
        }
    }

    /** The measure, or null when the loaded rule tree does not have it (an output made with another tree). */
    public Measure get(String id) { return byId.get(id); }

    public java.util.Collection<Measure> all() { return byId.values(); }

    /** The measure or a clear error naming it: an output made with another rule tree must be read with that tree. */
    public Measure require(String id, String where) {
        Measure m = byId.get(id);
        if (m == null)
            throw new IllegalArgumentException(where + ": measureId \"" + id + "\" is not in the loaded rule catalogue "
                    + "(was this output made with another rule tree? pass it with --rules DIR)");
        return m;
    }

    /** The most local jurisdiction of the rule tree the region falls in, as the batch summary labels it. */
    public String jurisdictionLabel(String regionCode) {
        if (regionCode == null) return "未提供 regionCode";
        for (String p : prefixes) if (regionCode.startsWith(p)) return labels.get(p);
        return "全国（其他地区）";
    }

    /** "关于…（发改财金〔2022〕271号）一、2": the legal basis in one line. */
    public static String basisLine(Measure m) {
        StringBuilder sb = new StringBuilder("《").append(m.doc()).append("》");
        if (m.docNumber() != null && !m.docNumber().isBlank()) sb.append("（").append(m.docNumber()).append("）");
        if (m.article() != null && !m.article().isBlank()) sb.append(" ").append(m.article());
        if (m.external() != null && !m.external().isBlank()) sb.append("；实施文件：").append(m.external());
        return sb.toString();
    }

    /** "2022-01-01 至 2024-12-31（实施文件规定）" or "2022-01-01 起长期有效（…）". */
    public static String validity(Measure m) {
        String from = m.validFrom() == null ? "" : m.validFrom().toString();
        if (m.validToBasis() == ValidToBasis.STANDING || m.validTo() == null)
            return from + " 起长期有效" + (m.standingLaw() == null || m.standingLaw().isBlank() ? "" : "（" + m.standingLaw() + "）");
        return from + " 至 " + m.validTo() + (m.validToBasis() == null ? "" : "（" + m.validToBasis().zh() + "）");
    }
}
