package org.mianshen.engine;

import org.mianshen.model.Enterprise;
import org.mianshen.model.Profile;
import org.mianshen.reference.RegionHistory;
import org.mianshen.reference.RegionHistory.Resolution;
import org.mianshen.reference.Regions;
import org.mianshen.reference.Uscc;

/**
 * Province, prefecture and county of an enterprise (issue: real registries). The profile's {@code regionCode} wins;
 * without it, USCC positions 3-8 (the registering office's GB/T 2260 code) stand in, which is where a 市场监管 office
 * registered the enterprise: the county office for most, the prefecture's or the province's for some. Either code is
 * resolved through the code history ({@link RegionHistory}), so a retired code (长垣县 410728) reaches its successor
 * (长垣市 410783) and a county that moved prefecture (简阳市 512081) is filed under its new one (成都 510185).
 * Every approximation is a warning in Chinese, naming the code and what was made of it.
 */
final class RegionDerivation {
    private RegionDerivation() {}

    static final String PROFILE = "profile";
    static final String USCC = "USCC";

    static void derive(Profile p, Enterprise e) {
        Resolution own = p.regionCode == null ? null : RegionHistory.resolve(p.regionCode);
        String reg = Uscc.registrationRegion(p.uscc);
        // 100000: registered by a national authority (国家市场监督管理总局 etc.), which says nothing of the place
        Resolution byUscc = reg == null || reg.equals("100000") ? null : RegionHistory.resolve(reg);

        Resolution use;
        if (own != null) {
            use = own;
            e.regionSource = PROFILE;
        } else if (byUscc != null && byUscc.province() != null) {
            use = byUscc;
            e.regionSource = USCC;
        } else {
            if (byUscc != null) e.warnings.add(describeCode(byUscc, true) + "无法确定所在地：只评估全国性措施");
            return;
        }
        e.province = use.province();
        e.prefecture = use.prefecture();
        e.county = use.county();

        String what = describeCode(use, use == byUscc);
        if (use == byUscc) {
            String place = Regions.describe(e.county != null ? e.county : e.prefecture != null ? e.prefecture : e.province);
            e.warnings.add("regionCode 未提供：所在地按统一社会信用代码第3-8位登记机关代码 " + use.code() + " 推定为"
                    + (place == null ? "未知" : place) + "（登记机关所在地，可能不是经营地）");
        }
        String note = note(use, what);
        if (note != null) e.warnings.add(note);

        if (own != null && byUscc != null && disagree(own, byUscc)) {
            e.warnings.add("regionCode " + own.code() + "（" + placeOf(own) + "）与统一社会信用代码第3-8位登记机关代码 "
                    + byUscc.code() + "（" + placeOf(byUscc) + "）不在同一地区；按 regionCode 计算，请核实");
        }
    }

    /** The warning for a code that is not a current county code; null for a current county. */
    private static String note(Resolution r, String what) {
        switch (r.status()) {
            case RETIRED -> {
                String head = what + "（" + r.name() + "）已于" + r.retiredYear() + "年撤销或变更";
                if (r.successors().isEmpty()) {
                    return head + "，历史代码表中无对应的现行代码：" + (r.province() == null
                            ? "无法确定所在地，只评估全国性措施" : "只按" + Regions.describe(r.province()) + "计算，市、县级措施未评估");
                }
                if (r.county() != null) {
                    String moved = "";
                    String former = RegionHistory.formerPrefectureName(r.code());
                    if (!r.county().startsWith(r.code().substring(0, 4)) && former != null) {
                        moved = "（已由" + former + "划归" + Regions.describe(r.county().substring(0, 4)) + "）";
                    }
                    return head + "，按现行代码 " + RegionHistory.describeAll(r.successors()) + moved + " 计算";
                }
                return head + "，现分属 " + RegionHistory.describeAll(r.successors()) + "：所在县无法确定，按"
                        + (r.prefecture() != null ? Regions.describe(r.prefecture()) : Regions.describe(r.province()))
                        + "计算，县级措施未评估";
            }
            case MUNICIPAL_DISTRICTS -> {
                return what + "是" + Regions.describe(r.prefecture()) + "“市辖区”代码（全市城区的汇总，不是具体的区）：按"
                        + Regions.describe(r.prefecture()) + "计算，区县级措施未评估";
            }
            case UNKNOWN -> {
                return what + "不在现行行政区划代码表中，也不是已撤销的历史代码（可能有误）：" + (r.province() == null
                        ? "无法确定所在地，只评估全国性措施" : "只按" + Regions.describe(r.province()) + "计算，市、县级措施未评估");
            }
            default -> {
                if (r.provinceLevel()) {
                    return what + "是省级代码：只能确定所在省（" + Regions.describe(r.province())
                            + "），市、县级措施未评估；请提供所在县的 regionCode";
                }
                if (r.prefectureLevel()) {
                    return what + "是地级代码：只能确定所在市（" + Regions.describe(r.prefecture())
                            + "），县级措施未评估；请提供所在县的 regionCode";
                }
                return null;
            }
        }
    }

    private static String describeCode(Resolution r, boolean fromUscc) {
        return (fromUscc ? "统一社会信用代码第3-8位登记机关代码 " : "regionCode ") + r.code();
    }

    private static String placeOf(Resolution r) {
        String code = r.county() != null ? r.county() : r.prefecture() != null ? r.prefecture() : r.province();
        String d = code == null ? null : Regions.describe(code);
        return d == null ? "未知地区" : d;
    }

    /** Not the same place at the precision both codes have (a prefecture office registering a county's firm agrees). */
    static boolean disagree(Resolution a, Resolution b) {
        int level = Math.min(level(a), level(b));
        return switch (level) {
            case 3 -> !a.county().equals(b.county());
            case 2 -> !a.prefecture().equals(b.prefecture());
            case 1 -> !a.province().equals(b.province());
            default -> false;
        };
    }

    private static int level(Resolution r) {
        return r.county() != null ? 3 : r.prefecture() != null ? 2 : r.province() != null ? 1 : 0;
    }
}
