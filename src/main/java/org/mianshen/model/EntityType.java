package org.mianshen.model;

/**
 * Kind of body, by default from USCC positions 1-2 (GB 32100-2015 表1 登记管理部门 + 机构类别): 91 企业,
 * 92 个体工商户, 93 农民专业合作社 (市场监管); 11 机关, 12 事业单位 (机构编制); 51 社会团体, 52 民办非企业单位,
 * 53 基金会 (民政); 81 工会; 31-35 律师事务所等 (司法行政); 71-72 宗教; N1-N3 农村集体经济组织; other codes
 * {@link #OTHER_BODY}. Only the first three are enterprises in the sense of the SME measures (中小企业划型标准规定 covers
 * bodies registered as enterprises; 个体工商户 and 农民专业合作社 are named by the measures themselves).
 */
public enum EntityType {
    ENTERPRISE("企业"),
    INDIVIDUAL_BUSINESS("个体工商户"),
    FARMER_COOPERATIVE("农民专业合作社"),
    GOVERNMENT_AGENCY("机关"),
    PUBLIC_INSTITUTION("事业单位"),
    SOCIAL_ORGANIZATION("社会团体"),
    PRIVATE_NON_ENTERPRISE("民办非企业单位"),
    FOUNDATION("基金会"),
    TRADE_UNION("工会"),
    LEGAL_SERVICE("律师事务所等司法行政登记机构"),
    RELIGIOUS_BODY("宗教活动场所、宗教院校"),
    RURAL_COLLECTIVE("农村集体经济组织"),
    OTHER_BODY("其他机构");

    private final String zh;

    EntityType(String zh) { this.zh = zh; }

    /** The Chinese name the policies use. */
    public String zh() { return zh; }

    /**
     * A market entity the SME and 个体工商户 measures can reach: 企业, 个体工商户, 农民专业合作社. Every other kind (机关,
     * 事业单位, 社会团体, 民办非企业单位, 基金会, 工会, …) is not an enterprise and is never a 中小微企业.
     */
    public boolean marketEntity() {
        return this == ENTERPRISE || this == INDIVIDUAL_BUSINESS || this == FARMER_COOPERATIVE;
    }
}
