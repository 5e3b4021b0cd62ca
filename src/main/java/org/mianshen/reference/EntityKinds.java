package org.mianshen.reference;

import org.mianshen.model.EntityType;
import org.mianshen.model.LegalForm;

/**
 * Kind of body, legal form and branch status from what a registry export holds: the USCC (GB 32100-2015 表1
 * 登记管理部门代码和机构类别代码), the registry's 企业类型 text and the name.
 *
 * <p>Names: 公司法 requires a company's name to carry 有限责任公司/有限公司 or 股份有限公司; 合伙企业法 (第十五条、第六十二条)
 * requires 普通合伙/有限合伙/特殊普通合伙 in a partnership's name; 个人独资企业登记管理办法 (第六条) forbids 有限/有限责任/公司
 * in a sole proprietorship's name. So a name tells a company or a partnership apart, but a name with neither (…厂,
 * …商行) can be a sole proprietorship or a 全民/集体所有制 enterprise: the form then stays unknown. A branch's name is
 * the legal entity's name followed by the branch's (…有限公司郑州分公司). Stateless, thread-safe.
 */
public final class EntityKinds {
    private EntityKinds() {}

    /** Kind of body from USCC positions 1-2; null when the pair is not one of GB 32100's or the code is too short. */
    public static EntityType fromUscc(String code) {
        if (code == null || code.length() < 2) return null;
        char dept = code.charAt(0);
        char cat = code.charAt(1);
        return switch (dept) {
            case '9' -> switch (cat) {          // 工商 (市场监管)
                case '1' -> EntityType.ENTERPRISE;
                case '2' -> EntityType.INDIVIDUAL_BUSINESS;
                case '3' -> EntityType.FARMER_COOPERATIVE;
                default -> null;
            };
            case '1' -> switch (cat) {          // 机构编制: 1 机关, 2 事业单位, 3 中央编办直接管理的群众团体, 9 其他
                case '1' -> EntityType.GOVERNMENT_AGENCY;
                case '2' -> EntityType.PUBLIC_INSTITUTION;
                case '3' -> EntityType.SOCIAL_ORGANIZATION;
                default -> EntityType.OTHER_BODY;
            };
            case '5' -> switch (cat) {          // 民政: 1 社会团体, 2 民办非企业单位, 3 基金会
                case '1' -> EntityType.SOCIAL_ORGANIZATION;
                case '2' -> EntityType.PRIVATE_NON_ENTERPRISE;
                case '3' -> EntityType.FOUNDATION;
                default -> EntityType.OTHER_BODY;
            };
            case '8' -> EntityType.TRADE_UNION;                 // 工会: 1 基层工会, 9 其他
            case '3' -> EntityType.LEGAL_SERVICE;               // 司法行政: 律师执业机构, 公证处, 司法鉴定机构, …
            case '7' -> EntityType.RELIGIOUS_BODY;              // 宗教: 宗教活动场所, 宗教院校
            case 'A' -> EntityType.PUBLIC_INSTITUTION;          // 中央军委改革和编制办公室: 军队事业单位
            case 'N' -> EntityType.RURAL_COLLECTIVE;            // 农业: 组级/村级/乡镇级集体经济组织
            case '2', '4', '6', 'Y' -> EntityType.OTHER_BODY;   // 外交, 文化, 旅游 (外国机构常驻代表机构), 其他
            default -> null;
        };
    }

    /** Kind of body from the registry's 企业类型 text; null when the text names none. */
    public static EntityType fromRegistrationType(String type) {
        if (type == null || type.isBlank()) return null;
        String t = type.strip();
        if (t.startsWith("个体")) return EntityType.INDIVIDUAL_BUSINESS;
        if (t.contains("农民专业合作社") || t.contains("农民专业合作联社")) return EntityType.FARMER_COOPERATIVE;
        if (t.contains("事业单位")) return EntityType.PUBLIC_INSTITUTION;
        if (t.contains("机关")) return EntityType.GOVERNMENT_AGENCY;
        if (t.contains("社会团体")) return EntityType.SOCIAL_ORGANIZATION;
        if (t.contains("民办非企业") || t.contains("社会服务机构")) return EntityType.PRIVATE_NON_ENTERPRISE;
        if (t.contains("基金会")) return EntityType.FOUNDATION;
        if (t.contains("工会")) return EntityType.TRADE_UNION;
        if (t.contains("律师事务所")) return EntityType.LEGAL_SERVICE;
        if (t.contains("集体经济组织")) return EntityType.RURAL_COLLECTIVE;
        if (legalFormFromRegistrationType(t) != null || t.contains("企业") || t.contains("公司")) return EntityType.ENTERPRISE;
        return null;
    }

    /** Legal form from the registry's 企业类型 text; null when the text does not settle it. */
    public static LegalForm legalFormFromRegistrationType(String type) {
        if (type == null || type.isBlank()) return null;
        String t = type.strip();
        if (t.contains("个人独资")) return LegalForm.SOLE_PROPRIETORSHIP;
        if (t.contains("合伙")) return LegalForm.PARTNERSHIP;
        if (t.contains("股份有限")) return LegalForm.JOINT_STOCK;
        if (t.contains("有限责任") || t.contains("有限公司")) return LegalForm.LIMITED_LIABILITY;
        if (t.contains("全民所有制") || t.contains("集体所有制") || t.contains("股份合作") || t.contains("联营")
                || t.equals("全民") || t.equals("集体")) return LegalForm.NON_COMPANY_LEGAL_PERSON;
        return null;
    }

    /** Legal form from the name (see the class comment); null when the name does not settle it. */
    public static LegalForm legalFormFromName(String name) {
        if (name == null || name.isBlank()) return null;
        String n = name.strip();
        if (n.contains("普通合伙）") || n.contains("有限合伙）") || n.contains("普通合伙)") || n.contains("有限合伙)")) {
            return LegalForm.PARTNERSHIP;
        }
        if (n.contains("股份有限公司")) return LegalForm.JOINT_STOCK;
        if (n.contains("有限公司") || n.contains("有限责任公司")) return LegalForm.LIMITED_LIABILITY;
        return null;
    }

    /** Branch (分支机构, 非法人) from the registry's 企业类型 text; null when the text is absent. */
    public static Boolean branchFromRegistrationType(String type) {
        if (type == null || type.isBlank()) return null;
        return type.contains("分公司") || type.contains("分支机构") || type.contains("非法人");
    }

    /** Branch from the name: true when it ends in 分公司 or 分支机构 (a branch's statutory name); otherwise null (not known). */
    public static Boolean branchFromName(String name) {
        if (name == null) return null;
        String n = name.strip();
        return n.endsWith("分公司") || n.endsWith("分支机构") ? Boolean.TRUE : null;
    }
}
