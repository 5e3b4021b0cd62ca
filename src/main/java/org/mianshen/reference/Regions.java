package org.mianshen.reference;

import java.util.HashMap;
import java.util.Map;

/**
 * Administrative division codes (GB/T 2260 style) from the NBS 统计用区划代码 2023 edition.
 *
 * <p>Source: bundled {@code reference/regions/provinces.csv}, {@code cities.csv}, {@code areas.csv} (copied from
 * {@code ../shared/reference/regions/}, originally modood/Administrative-divisions-of-China, WTFPL - see
 * {@code reference/regions/LICENSE}). These are statistical codes: they include development-zone pseudo-codes
 * (e.g. 410771-410773, 140271) that are not in GB/T 2260, and they do not include retired codes
 * (e.g. 大同 140202 城区, abolished 2018). Retired/unknown codes still resolve from their digits with
 * {@code known=false}; {@link RegionHistory} follows a retired code to its successors and tells 市辖区 and unknown
 * codes apart (USCCs issued before a re-division keep the old code). Hong Kong, Macao and Taiwan (81, 82, 71) are not in the data.
 *
 * <p>Data quirk: the municipalities (北京 11, 天津 12, 上海 31, 重庆 50) have the prefecture-level pseudo-entry
 * "市辖区" (1101, 1201, 3101, 5001), and some provinces have "省直辖县级行政区划" (e.g. 4190); the names are returned
 * as they appear in the data.
 *
 * <p>Loaded once, lazily, on first use; immutable and thread-safe.
 */
public final class Regions {

    /**
     * A resolved 6-digit code. County fields are null for province-level (xx0000) and prefecture-level (xxxx00)
     * codes; names are null when the corresponding level is not in the tables.
     *
     * @param code           the 6-digit input
     * @param countyName     county-level name, or null (code is a prefecture/province code, or unknown)
     * @param prefectureCode 4 digits, or null for a province-level code (xx0000)
     * @param prefectureName name from cities.csv, or null when that prefecture is not in the tables
     * @param provinceCode   2 digits, always present
     * @param provinceName   name from provinces.csv, or null when unknown (e.g. "10" of national USCC code 100000)
     * @param known          true iff the code itself (county, prefecture xxxx00 or province xx0000) is in the tables
     */
    public record Region(String code, String countyName, String prefectureCode, String prefectureName,
                         String provinceCode, String provinceName, boolean known) {
    }

    private Regions() {
    }

    /** The name of a jurisdiction prefix: "41" 河南省, "4107" 河南省新乡市, "410724" 河南省新乡市获嘉县; null when unknown. */
    public static String describe(String prefix) {
        if (prefix == null || !prefix.matches("\\d{2}|\\d{4}|\\d{6}")) return null;
        Region r = resolve((prefix + "000000").substring(0, 6));
        if (r == null) return null;
        String prov = r.provinceName() == null ? "" : r.provinceName();
        switch (prefix.length()) {
            case 2: return prov;
            case 4: return prov + (r.prefectureName() == null ? "" : r.prefectureName());
            default:
                Region c = resolve(prefix);
                return prov + (c.prefectureName() == null ? "" : c.prefectureName()) + (c.countyName() == null ? "" : c.countyName());
        }
    }

    private static final class Holder {
        static final Map<String, String> PROVINCES;
        static final Map<String, String> PREFECTURES;
        static final Map<String, String> COUNTIES;

        static {
            Map<String, String> p = new HashMap<>();
            for (String[] f : ReferenceResources.readCsv("regions/provinces.csv", 2)) {
                requireDigits(f[0], 2, "provinces.csv");
                p.put(f[0], f[1]);
            }
            Map<String, String> c = new HashMap<>();
            for (String[] f : ReferenceResources.readCsv("regions/cities.csv", 3)) {
                requireDigits(f[0], 4, "cities.csv");
                c.put(f[0], f[1]);
            }
            Map<String, String> a = new HashMap<>();
            for (String[] f : ReferenceResources.readCsv("regions/areas.csv", 4)) {
                requireDigits(f[0], 6, "areas.csv");
                a.put(f[0], f[1]);
            }
            PROVINCES = Map.copyOf(p);
            PREFECTURES = Map.copyOf(c);
            COUNTIES = Map.copyOf(a);
        }

        private static void requireDigits(String code, int len, String file) {
            if (!isDigits(code, len)) {
                throw new IllegalStateException("reference/regions/" + file + ": bad code '" + code + "'");
            }
        }
    }

    /**
     * Resolves a 6-digit code. Returns null when the input is not exactly six ASCII digits.
     *
     * <ul>
     *   <li>xx0000 → province level: prefecture and county fields null; known iff the province exists.</li>
     *   <li>xxxx00 → prefecture level: county fields null; known iff the prefecture exists.</li>
     *   <li>otherwise county level; an unknown (e.g. retired) county still gets prefecture = first 4 digits and
     *       province = first 2 digits, with names where those are known, and known=false.</li>
     * </ul>
     */
    public static Region resolve(String code6) {
        if (!isDigits(code6, 6)) {
            return null;
        }
        String prov = code6.substring(0, 2);
        String provName = Holder.PROVINCES.get(prov);
        if (code6.endsWith("0000")) {
            return new Region(code6, null, null, null, prov, provName, provName != null);
        }
        String pref = code6.substring(0, 4);
        String prefName = Holder.PREFECTURES.get(pref);
        if (code6.endsWith("00")) {
            return new Region(code6, null, pref, prefName, prov, provName, prefName != null);
        }
        String countyName = Holder.COUNTIES.get(code6);
        return new Region(code6, countyName, pref, prefName, prov, provName, countyName != null);
    }

    /**
     * True for "" (national) and for a 2-digit province, 4-digit prefecture or 6-digit county code that is present in
     * the tables. Padded forms ("410000", "410700") are NOT prefixes and return false, as do null, retired codes and
     * anything that is not 0/2/4/6 digits. Used to lint {@code @jurisdiction} metadata.
     */
    public static boolean isValidPrefix(String prefix) {
        if (prefix == null) {
            return false;
        }
        return switch (prefix.length()) {
            case 0 -> true;
            case 2 -> isDigits(prefix, 2) && Holder.PROVINCES.containsKey(prefix);
            case 4 -> isDigits(prefix, 4) && Holder.PREFECTURES.containsKey(prefix);
            case 6 -> isDigits(prefix, 6) && Holder.COUNTIES.containsKey(prefix);
            default -> false;
        };
    }

    static boolean isDigits(String s, int len) {
        if (s == null || s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
