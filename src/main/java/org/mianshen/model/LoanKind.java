package org.mianshen.model;

/** Kind of bank loan as the credit policies name it. */
public enum LoanKind {
    WORKING_CAPITAL("流动资金贷款"),
    CREDIT("信用贷款"),
    FIRST_LOAN("首贷"),
    RENEWAL("续贷、无还本续贷"),
    INCLUSIVE_SMALL_MICRO("普惠小微贷款"),
    TECH_LOAN("河南省“科技贷”"),
    IP_PLEDGE("知识产权质押贷款"),
    ENTREPRENEURSHIP_GUARANTEED("创业担保贷款"),
    SUPPLY_CHAIN("供应链、应收账款、订单融资"),
    TRANSPORT_LOGISTICS("交通物流专项再贷款支持的贷款"),
    EQUIPMENT_RENEWAL("设备更新改造贷款"),
    COMMERCIAL_TRUCK("商用货车消费贷款（货车司机购车贷款）"),
    OTHER("其他");

    private final String zh;

    LoanKind(String zh) { this.zh = zh; }

    /** The Chinese name the policies use, for reasons and explanations. */
    public String zh() { return zh; }
}
