package org.mianshen.model;

/** Kind of bank loan as the credit policies name it. */
public enum LoanKind {
    /** 流动资金贷款 */ WORKING_CAPITAL,
    /** 信用贷款 */ CREDIT,
    /** 首贷 */ FIRST_LOAN,
    /** 续贷/无还本续贷 */ RENEWAL,
    /** 普惠小微贷款 */ INCLUSIVE_SMALL_MICRO,
    /** 河南省"科技贷" */ TECH_LOAN,
    /** 知识产权质押贷款 */ IP_PLEDGE,
    /** 创业担保贷款 */ ENTREPRENEURSHIP_GUARANTEED,
    /** 供应链/应收账款/订单融资 */ SUPPLY_CHAIN,
    /** 交通物流专项再贷款支持的贷款 */ TRANSPORT_LOGISTICS,
    /** 设备更新改造贷款 */ EQUIPMENT_RENEWAL,
    /** 商用货车消费贷款 (货车司机购车贷款) */ COMMERCIAL_TRUCK,
    /** 其他 */ OTHER
}
