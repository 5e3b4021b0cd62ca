package org.mianshen.model;

/** Official designations (认定) an enterprise holds; the policies grant extra measures to them. */
public enum Designation {
    SPECIALIZED_SME_PROVINCIAL("省级专精特新中小企业"),
    SPECIALIZED_SME_MUNICIPAL("市级专精特新中小企业"),
    LITTLE_GIANT_NATIONAL("国家级专精特新“小巨人”企业"),
    MANUFACTURING_CHAMPION("制造业单项冠军"),
    INNOVATIVE_SME("创新型中小企业"),
    HIGH_TECH("高新技术企业"),
    TECH_SME("科技型中小企业（入库）"),
    GAZELLE("瞪羚企业"),
    FOREIGN_TRADE("外贸企业（有进出口实绩）"),
    EPIDEMIC_KEY_SUPPLIER("疫情防控重点保障企业（名单）"),
    SUPPLY_CHAIN_WHITELIST("重点产业链、供应链“白名单”企业"),
    STARTUP_KEY_GROUP("高校毕业生等重点群体创业主体"),
    KEY_AGRI_ENTERPRISE("重点农业企业（农业产业化重点龙头企业等省级名单）"),
    INTERNSHIP_UNIT("就业见习单位（人社部门确定的见习基地）"),
    SCI_IMPORT_TAX_LIST("科技创新进口税收政策免税进口单位（名单）"),
    LICENCE_EXEMPT_OPERATOR("依法无须申领营业执照的个体经营者");

    private final String zh;

    Designation(String zh) { this.zh = zh; }

    /** The Chinese name the policies use, for reasons and explanations. */
    public String zh() { return zh; }
}
