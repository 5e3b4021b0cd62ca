package org.mianshen.model;

/** Who guarantees a loan. */
public enum Guarantor {
    /** 无担保 */ NONE,
    /** 政府性融资担保机构 (含国家融资担保基金体系) */ GOVERNMENT_FINANCING_GUARANTEE,
    /** 市级政府性融资担保 (如大同市融资担保) */ MUNICIPAL_GUARANTEE,
    /** 省级政府性融资担保 (如云南省信用融资担保公司、省农业融资担保公司) */ PROVINCIAL_GUARANTEE,
    /** 商业担保/其他 */ OTHER
}
