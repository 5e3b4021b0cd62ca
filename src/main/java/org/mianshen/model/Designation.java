package org.mianshen.model;

/** Official designations (认定) an enterprise holds; the policies grant extra measures to them. */
public enum Designation {
    /** 省级专精特新中小企业 */ SPECIALIZED_SME_PROVINCIAL,
    /** 市级专精特新中小企业 */ SPECIALIZED_SME_MUNICIPAL,
    /** 国家级专精特新"小巨人"企业 */ LITTLE_GIANT_NATIONAL,
    /** 制造业单项冠军 */ MANUFACTURING_CHAMPION,
    /** 创新型中小企业 */ INNOVATIVE_SME,
    /** 高新技术企业 */ HIGH_TECH,
    /** 科技型中小企业 (入库) */ TECH_SME,
    /** 瞪羚企业 */ GAZELLE,
    /** 外贸企业 (有进出口实绩) */ FOREIGN_TRADE,
    /** 疫情防控重点保障企业 (名单) */ EPIDEMIC_KEY_SUPPLIER,
    /** 重点产业链/供应链 "白名单" 企业 */ SUPPLY_CHAIN_WHITELIST,
    /** 高校毕业生等重点群体创业 (创业主体) */ STARTUP_KEY_GROUP,
    /** 重点农业企业 (农业产业化重点龙头企业等省级名单) */ KEY_AGRI_ENTERPRISE
}
