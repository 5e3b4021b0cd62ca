package org.mianshen.model;

/**
 * Legal form of an enterprise (企业组织形式) where the measures tell them apart: 企业所得税 is paid by companies and other
 * legal-person enterprises, not by 个人独资企业 or 合伙企业 (企业所得税法 第一条第二款; their investors pay 个人所得税).
 */
public enum LegalForm {
    LIMITED_LIABILITY("有限责任公司", true),
    JOINT_STOCK("股份有限公司", true),
    /** 全民所有制、集体所有制、股份合作制、联营等非公司制法人企业. */
    NON_COMPANY_LEGAL_PERSON("非公司企业法人", true),
    SOLE_PROPRIETORSHIP("个人独资企业", false),
    PARTNERSHIP("合伙企业", false);

    private final String zh;
    private final boolean citPayer;

    LegalForm(String zh, boolean citPayer) { this.zh = zh; this.citPayer = citPayer; }

    public String zh() { return zh; }

    /** Pays 企业所得税 (企业所得税法 第一条). */
    public boolean citPayer() { return citPayer; }
}
