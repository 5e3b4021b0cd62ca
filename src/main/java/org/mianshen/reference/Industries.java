package org.mianshen.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * GB/T 4754-2017 国民经济行业分类: structural resolution of 门类 (section letter), 大类 (2-digit division),
 * 中类 (3-digit group) and 小类 (4-digit class) codes, plus the 三次产业 (tertiary) and 制造业 predicates.
 *
 * <p>Source: the section → division ranges are embedded here from {@code ../shared/reference/policy-and-standards.md}
 * §11 ([V], ramwin/china-public-data). The ranges are contiguous and cover 01-97. GB/T 4754-2017 has 97 divisions,
 * so every number 01-97 is a real division; groups and classes are only checked structurally (digits, and the
 * division prefix must exist): a non-existent group/class such as "0199" is still accepted, because the full
 * 1380-class list is not bundled. Codes are case-sensitive: section letters must be upper-case; no trimming.
 * The 2019 第1号修改单 to GB/T 4754-2017 ([K] unverified that it exists / what it changes) is not applied.
 *
 * <p>The tertiary-industry rule follows 国家统计局《三次产业划分规定》(2012, revised 2018 for GB/T 4754-2017).
 * [K] unverified: it is not covered by the reference document; it is encoded from background knowledge as given in
 * the task brief (tertiary = F-T plus divisions 05, 11, 43).
 *
 * <p>Stateless tables; all methods are thread-safe.
 */
public final class Industries {

    /**
     * A resolved industry code.
     *
     * @param code        the input code (section letter, or 2/3/4 digits)
     * @param section     门类 letter A-T
     * @param division    2-digit 大类, or null when only a section was given
     * @param group       3-digit 中类, or null when only a section or division was given
     * @param sectionName 门类 name
     */
    public record Industry(String code, char section, String division, String group, String sectionName) {
        /** The 4-digit 小类 when the code was a class, else null. */
        public String classCode() {
            return code.length() == 4 && division != null ? code : null;
        }
    }

    // section letter, first division, last division, name. GB/T 4754-2017 (policy-and-standards.md §11, [V]).
    private static final Object[][] SECTIONS = {
            {'A', 1, 5, "农、林、牧、渔业"},
            {'B', 6, 12, "采矿业"},
            {'C', 13, 43, "制造业"},
            {'D', 44, 46, "电力、热力、燃气及水生产和供应业"},
            {'E', 47, 50, "建筑业"},
            {'F', 51, 52, "批发和零售业"},
            {'G', 53, 60, "交通运输、仓储和邮政业"},
            {'H', 61, 62, "住宿和餐饮业"},
            {'I', 63, 65, "信息传输、软件和信息技术服务业"},
            {'J', 66, 69, "金融业"},
            {'K', 70, 70, "房地产业"},
            {'L', 71, 72, "租赁和商务服务业"},
            {'M', 73, 75, "科学研究和技术服务业"},
            {'N', 76, 79, "水利、环境和公共设施管理业"},
            {'O', 80, 82, "居民服务、修理和其他服务业"},
            {'P', 83, 83, "教育"},
            {'Q', 84, 85, "卫生和社会工作"},
            {'R', 86, 90, "文化、体育和娱乐业"},
            {'S', 91, 96, "公共管理、社会保障和社会组织"},
            {'T', 97, 97, "国际组织"},
    };

    private Industries() {
    }

    /**
     * Resolves a section letter (A-T), 2-digit division, 3-digit group or 4-digit class. Returns null for anything
     * else, including null, lower-case letters, "00", divisions above 97 and mixed strings such as "12a".
     */
    public static Industry resolve(String code) {
        if (code == null) {
            return null;
        }
        if (code.length() == 1) {
            Object[] s = sectionByLetter(code.charAt(0));
            return s == null ? null : new Industry(code, (char) s[0], null, null, (String) s[3]);
        }
        if (code.length() < 2 || code.length() > 4 || !Regions.isDigits(code, code.length())) {
            return null;
        }
        int div = Integer.parseInt(code.substring(0, 2));
        Object[] s = sectionByDivision(div);
        if (s == null) {
            return null;
        }
        String group = code.length() >= 3 ? code.substring(0, 3) : null;
        return new Industry(code, (char) s[0], code.substring(0, 2), group, (String) s[3]);
    }

    /**
     * 第三产业 per 三次产业划分规定 (2018) [K] unverified: sections F-T, plus division 05 (农、林、牧、渔专业及辅助性活动),
     * 11 (开采专业及辅助性活动) and 43 (金属制品、机械和设备修理业). Sections D and E are secondary (false).
     * Returns null when the industry is null, or only section A, B or C is known (the division decides).
     */
    public static Boolean serviceIndustry(Industry industry) {
        if (industry == null) {
            return null;
        }
        char s = industry.section();
        if (s >= 'F') {
            return Boolean.TRUE;
        }
        if (s == 'D' || s == 'E') {
            return Boolean.FALSE;
        }
        String d = industry.division();
        if (d == null) {
            return null; // A, B or C without a division: 05 / 11 / 43 would be tertiary, the rest not
        }
        return d.equals("05") || d.equals("11") || d.equals("43");
    }

    /**
     * 制造业 = section C (divisions 13-43, including 43 修理业, which is nevertheless tertiary).
     *
     * @throws NullPointerException if industry is null (an unresolved code is "unknown", not "not manufacturing")
     */
    public static boolean manufacturing(Industry industry) {
        if (industry == null) {
            throw new NullPointerException("industry is null: resolve the code first and treat null as unknown");
        }
        return industry.section() == 'C';
    }

    /** 2-digit divisions of a section, in order (empty for an unknown letter). */
    static List<String> divisionsOf(char section) {
        Object[] s = sectionByLetter(section);
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (int d = (int) s[1]; d <= (int) s[2]; d++) {
                out.add(String.format("%02d", d));
            }
        }
        return List.copyOf(out);
    }

    /** All section letters A-T. */
    static List<Character> sections() {
        List<Character> out = new ArrayList<>();
        for (Object[] s : SECTIONS) {
            out.add((char) s[0]);
        }
        return List.copyOf(out);
    }

    private static Object[] sectionByLetter(char c) {
        for (Object[] s : SECTIONS) {
            if ((char) s[0] == c) {
                return s;
            }
        }
        return null;
    }

    private static Object[] sectionByDivision(int div) {
        for (Object[] s : SECTIONS) {
            if (div >= (int) s[1] && div <= (int) s[2]) {
                return s;
            }
        }
        return null;
    }

    /**
     * The GB/T 4754-2017 name of a section, division, group or class code ("6210" → 正餐服务), or null when the
     * code is not in the standard's table ({@code reference/gbt4754-2017-names.tsv}).
     */
    public static String name(String code) {
        return code == null ? null : Names.TABLE.get(code);
    }

    /** Loaded on first use: only reasons and explanations need the names. */
    private static final class Names {
        static final java.util.Map<String, String> TABLE = load();

        private static java.util.Map<String, String> load() {
            java.util.Map<String, String> m = new java.util.HashMap<>(2048);
            try (var in = Industries.class.getResourceAsStream("/reference/gbt4754-2017-names.tsv")) {
                if (in == null) return java.util.Map.of();
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    int tab = line.indexOf('\t');
                    if (tab > 0) m.put(line.substring(0, tab), line.substring(tab + 1).trim());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return java.util.Map.copyOf(m);
        }
    }
}
