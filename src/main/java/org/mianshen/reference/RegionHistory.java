package org.mianshen.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GB/T 2260 code history: what a code that is no longer in use became, so that a registry row carrying an old code
 * (a USCC issued before a re-division keeps its registering office's old code for life) still reaches the measures
 * written for today's county, prefecture and province.
 *
 * <p>Source: bundled {@code reference/regions/history.csv}, extracted by {@code tools/region-history.py} from
 * yescallop/areacodes {@code result.csv} (CC0 1.0 Universal; compiled from the 民政部 code lists and 县级以上行政区划变更情况).
 * It lists every county- and prefecture-level code since 1981 whose latest record is not in use, the year of the
 * change (the source is exact to the year), and the codes its area went to. A county that moved to another
 * prefecture got a new code, so "moved" is a retirement whose successor lies under another prefecture
 * (简阳市 512081 → 510185, 2016).
 *
 * <p>{@link #resolve(String)} classifies a 6-digit code against the current tables ({@link Regions}) and this history:
 * current, retired (with the current successors, followed through later changes), 市辖区 (xxxx01: GB/T 2260's
 * summary line for a city's urban districts, which is not a county and not in either table), province- or
 * prefecture-level, or unknown (never in any list). Immutable, loaded once; thread-safe.
 */
public final class RegionHistory {

    /** How a code relates to the current tables. */
    public enum Status {
        /** In the current tables (county, prefecture or province). */
        CURRENT,
        /** No longer in use; {@link Resolution#successors()} are the current codes its area went to. */
        RETIRED,
        /** xxxx01 市辖区: the urban districts of a prefecture-level city as a whole; no county. */
        MUNICIPAL_DISTRICTS,
        /** Never in the current tables nor in the history (a typo, a pseudo-code, a code of a place not covered). */
        UNKNOWN
    }

    /**
     * A code resolved to where it lies today.
     *
     * @param code           the input code
     * @param status         see {@link Status}
     * @param county         6-digit current county code, or null (province/prefecture-level code, 市辖区, a retired
     *                       code split between several counties, unknown)
     * @param prefecture     4-digit current prefecture code, or null (province-level code, or not determinable)
     * @param province       2-digit province code, or null (not determinable)
     * @param name           the name the code had (current name, or the retired name), or null when unknown
     * @param retiredYear    year of the change for a RETIRED code, else null
     * @param successors     the current codes a RETIRED code's area went to (empty otherwise)
     */
    public record Resolution(String code, Status status, String county, String prefecture, String province,
                             String name, Integer retiredYear, List<String> successors) {

        /** The most precise current code: county, else prefecture + "00", else province + "0000"; null when none. */
        public String effectiveCode() {
            if (county != null) return county;
            if (prefecture != null) return prefecture + "00";
            if (province != null) return province + "0000";
            return null;
        }

        /** True when the code itself is a province-level code (xx0000). */
        public boolean provinceLevel() { return code.endsWith("0000"); }

        /** True when the code itself is a prefecture-level code (xxxx00, not xx0000). */
        public boolean prefectureLevel() { return code.endsWith("00") && !code.endsWith("0000"); }
    }

    private record Entry(String name, String prefectureName, int year, List<String> successors) {}

    private RegionHistory() {}

    private static final class Holder {
        static final Map<String, Entry> RETIRED = load();
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> m = new HashMap<>();
        try (BufferedReader r = ReferenceResources.open("regions/history.csv")) {
            String line;
            int lineNo = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                lineNo++;
                line = ReferenceResources.stripBom(line);
                if (line.isBlank() || line.startsWith("#")) continue;
                if (!header) { header = true; continue; }
                String[] f = ReferenceResources.splitCsvLine(line);
                if (f.length != 6 || !Regions.isDigits(f[0], 6) || !f[4].matches("\\d{4}")) {
                    throw new IllegalStateException("reference/regions/history.csv:" + lineNo + ": bad row '" + line + "'");
                }
                List<String> succ = f[5].isEmpty() ? List.of() : List.of(f[5].split(";"));
                m.put(f[0], new Entry(f[1], f[2], Integer.parseInt(f[4]), succ));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading reference/regions/history.csv", e);
        }
        return Map.copyOf(m);
    }

    /** Number of retired codes in the bundled history (for documentation and tests). */
    public static int size() { return Holder.RETIRED.size(); }

    /** True when the history lists the code as no longer in use. */
    public static boolean isRetired(String code6) { return Holder.RETIRED.containsKey(code6); }

    /** Resolves a 6-digit code; null when the input is not six ASCII digits. */
    public static Resolution resolve(String code) {
        if (!Regions.isDigits(code, 6)) return null;
        Regions.Region cur = Regions.resolve(code);
        String prov = code.substring(0, 2);
        boolean provKnown = cur.provinceName() != null;
        if (code.endsWith("0000")) {
            return new Resolution(code, provKnown ? Status.CURRENT : Status.UNKNOWN, null, null, provKnown ? prov : null,
                    cur.provinceName(), null, List.of());
        }
        if (cur.known()) {
            boolean county = !code.endsWith("00");
            return new Resolution(code, Status.CURRENT, county ? code : null, code.substring(0, 4), prov,
                    county ? cur.countyName() : cur.prefectureName(), null, List.of());
        }
        Entry retired = Holder.RETIRED.get(code);
        if (retired != null) {
            Set<String> now = new LinkedHashSet<>();
            current(code, now, 0);
            List<String> succ = List.copyOf(now);
            String county = null, pref = null, p = null;
            if (!succ.isEmpty()) {
                // one successor: that place; several (a county split between districts): their common levels
                county = succ.size() == 1 && !succ.get(0).endsWith("00") ? succ.get(0) : null;
                pref = common(succ, 4);
                p = common(succ, 2);
                if (pref != null && pref.endsWith("00")) pref = null;  // successors are province-level codes
            }
            if (p == null && succ.isEmpty() && provKnown) p = prov;  // abolished with no listed successor: its province
            return new Resolution(code, Status.RETIRED, county, pref, p, retired.name(), retired.year(), succ);
        }
        String prefCode = code.substring(0, 4);
        if (code.endsWith("01")) {
            // 市辖区 of a prefecture-level city; the city may itself have been re-coded since
            Resolution city = resolve(prefCode + "00");
            if (city != null && city.prefecture() != null) {
                return new Resolution(code, Status.MUNICIPAL_DISTRICTS, null, city.prefecture(), city.province(), "市辖区",
                        null, List.of());
            }
        }
        return new Resolution(code, Status.UNKNOWN, null, null, provKnown ? prov : null, null, null, List.of());
    }

    /** Collects the current codes the retired code's area went to, following later changes (bounded depth). */
    private static void current(String code, Set<String> out, int depth) {
        Entry e = Holder.RETIRED.get(code);
        if (e == null) {
            Regions.Region r = Regions.resolve(code);
            if (r != null && r.known()) out.add(code);
            return;
        }
        if (depth > 8) return;  // the history has no cycles; the bound only guards against a bad edit of the table
        for (String s : e.successors()) current(s, out, depth + 1);
    }

    private static String common(List<String> codes, int len) {
        String first = codes.get(0).substring(0, len);
        for (String c : codes) if (!c.startsWith(first)) return null;
        return first;
    }

    /** The name of the prefecture a retired code belonged to when it was in use (e.g. 资阳市 for 512081); else null. */
    public static String formerPrefectureName(String code6) {
        Entry e = Holder.RETIRED.get(code6);
        return e == null || e.prefectureName().isEmpty() ? null : e.prefectureName();
    }

    /** A list of current codes with their names, e.g. "140212 新荣区、140213 平城区". */
    public static String describeAll(List<String> codes) {
        List<String> parts = new ArrayList<>(codes.size());
        for (String c : codes) {
            String d = Regions.describe(c.endsWith("0000") ? c.substring(0, 2) : c.endsWith("00") ? c.substring(0, 4) : c);
            parts.add(d == null ? c : c + " " + d);
        }
        return String.join("、", parts);
    }
}
