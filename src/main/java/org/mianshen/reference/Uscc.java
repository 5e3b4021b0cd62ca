package org.mianshen.reference;

import org.mianshen.model.EntityType;

import java.util.ArrayList;
import java.util.List;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015, with the GB 11714 组织机构代码 inner check.
 *
 * <p>Source: {@code ../shared/reference/uscc-examples.txt} (section D, algorithm) and
 * {@code policy-and-standards.md} §10. Charset and MOD-31 weights are [V] (dromara/hutool CreditCodeUtil);
 * the GB 11714 inner check (weights 3,7,9,10,5,8,4,2, MOD 11) is [V2].
 *
 * <p>Layout: pos 1 登记管理部门, pos 2 机构类别, pos 3-8 登记管理机关行政区划码 (GB/T 2260, or 100000 for
 * national registration), pos 9-16 主体标识码 body, pos 17 GB 11714 check, pos 18 GB 32100 check.
 * Validation is strict: lower-case input and surrounding whitespace are rejected (GB 32100 codes are upper-case);
 * callers that want leniency must normalise before calling. The department/category pair (pos 1-2) and the region
 * (pos 3-8) are NOT checked against code tables: retired region codes are legitimately still in use.
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class Uscc {

    /** The 31 characters allowed in all 18 positions (no I, O, S, V, Z). value(c) = index. */
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** GB 32100 weights for positions 1-17 (= 3^i mod 31). Note: NOT ...25,23,8... (a known wrong copy). */
    private static final int[] W_USCC = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** GB 11714 weights for the 8-character organisation-code body (USCC positions 9-16). */
    private static final int[] W_ORG = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHARSET_DESC = "0-9 A-H J-N P-R T U W-Y";

    private Uscc() {
    }

    /**
     * Returns {@code null} when {@code code} is a valid USCC, otherwise a one-line English + Chinese description of
     * the first structural problem (or of every failing check character when the structure is fine).
     */
    public static String problem(String code) {
        if (code == null) {
            return "USCC is missing / 统一社会信用代码为空";
        }
        int len = code.codePointCount(0, code.length());
        if (len != 18) {
            String hint = !code.strip().equals(code) ? " (leading/trailing whitespace? / 含首尾空白?)" : "";
            return "length must be 18, got " + len + hint + " / 长度应为18位, 实际为" + len + "位";
        }
        int[] cps = code.codePoints().toArray();
        for (int i = 0; i < 18; i++) {
            int cp = cps[i];
            String ch = new String(Character.toChars(cp));
            int pos = i + 1;
            if (cp >= 'a' && cp <= 'z') {
                return "character at position " + pos + " '" + ch + "' is lower-case; GB 32100 codes are upper-case only"
                        + " / 第" + pos + "位字符'" + ch + "'为小写字母, 统一社会信用代码须为大写";
            }
            if (cp > 0xFFFF || CHARS.indexOf(cp) < 0) {
                return "character at position " + pos + " '" + ch + "' is not in the 31-character set " + CHARSET_DESC
                        + " / 第" + pos + "位字符'" + ch + "'不在31个允许字符内 (不含 I O S V Z)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return "positions 3-8 (registration authority region code) must be digits, got '" + code.substring(2, 8)
                        + "' / 第3-8位登记管理机关行政区划码须为数字";
            }
        }
        List<String> problems = new ArrayList<>(2);
        char org = orgCheckChar(code.substring(8, 16));
        if (code.charAt(16) != org) {
            problems.add("GB 11714 organisation-code check character at position 17 should be '" + org + "', got '"
                    + code.charAt(16) + "' / 第17位组织机构代码校验码应为'" + org + "'");
        }
        char c18 = usccCheckChar(code.substring(0, 17));
        if (code.charAt(17) != c18) {
            problems.add("GB 32100 check character at position 18 should be '" + c18 + "', got '" + code.charAt(17)
                    + "' / 第18位校验码应为'" + c18 + "'");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** True iff {@link #problem(String)} returns null. */
    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /**
     * Kind of body from positions 1-2 (登记管理部门 + 机构类别, GB 32100-2015 表1): 91 企业, 92 个体工商户, 93 农民专业合作社,
     * 11 机关, 12 事业单位, 51 社会团体, 52 民办非企业单位, 53 基金会, 81 工会, … (see {@link EntityKinds#fromUscc}); null
     * when unknown or too short. Does not validate the rest of the code.
     */
    public static EntityType entityType(String code) {
        return EntityKinds.fromUscc(code);
    }

    /**
     * Registering authority's region code, positions 3-8 (GB/T 2260 county/prefecture/province code, or "100000" for
     * national-level registration). Null when the input is null, shorter than 8 characters, or those positions are
     * not six digits. Does not validate the check characters.
     */
    public static String registrationRegion(String code) {
        if (code == null || code.length() < 8) {
            return null;
        }
        String r = code.substring(2, 8);
        for (int i = 0; i < 6; i++) {
            if (r.charAt(i) < '0' || r.charAt(i) > '9') {
                return null;
            }
        }
        return r;
    }

    /**
     * Completes a 16-character prefix (2 dept/category + 6 region + 8 organisation body characters) with the GB 11714
     * check character (position 17) and the GB 32100 check character (position 18).
     *
     * @throws IllegalArgumentException if the prefix is not 16 characters of the 31-character set with digits at
     *                                  positions 3-8
     */
    public static String withCheckCharacters(String first16) {
        if (first16 == null || first16.length() != 16) {
            throw new IllegalArgumentException("need exactly 16 characters, got "
                    + (first16 == null ? "null" : first16.length()));
        }
        for (int i = 0; i < 16; i++) {
            if (CHARS.indexOf(first16.charAt(i)) < 0) {
                throw new IllegalArgumentException("character at position " + (i + 1) + " '" + first16.charAt(i)
                        + "' is not in the 31-character set " + CHARSET_DESC);
            }
        }
        if (registrationRegion(first16) == null) {
            throw new IllegalArgumentException("positions 3-8 must be digits: " + first16);
        }
        String first17 = first16 + orgCheckChar(first16.substring(8, 16));
        return first17 + usccCheckChar(first17);
    }

    /** GB 32100 MOD-31 check character over the first 17 characters (all must be in {@link #CHARS}). */
    static char usccCheckChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * W_USCC[i];
        }
        int r = 31 - (sum % 31);
        return CHARS.charAt(r == 31 ? 0 : r);
    }

    /** GB 11714 MOD-11 check character over an 8-character body: '0'-'9' or 'X'. A-Z count as 10-35. */
    static char orgCheckChar(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = (c >= '0' && c <= '9') ? c - '0' : c - 'A' + 10;
            sum += v * W_ORG[i];
        }
        int r = 11 - (sum % 11);
        return r == 10 ? 'X' : r == 11 ? '0' : (char) ('0' + r);
    }
}
