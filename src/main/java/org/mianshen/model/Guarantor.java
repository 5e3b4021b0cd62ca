package org.mianshen.model;

/** Who guarantees a loan. */
public enum Guarantor {
    NONE("无担保"),
    GOVERNMENT_FINANCING_GUARANTEE("政府性融资担保机构（含国家融资担保基金体系）"),
    MUNICIPAL_GUARANTEE("市级政府性融资担保"),
    PROVINCIAL_GUARANTEE("省级政府性融资担保"),
    OTHER("商业担保或其他");

    private final String zh;

    Guarantor(String zh) { this.zh = zh; }

    /** The Chinese name the policies use, for reasons and explanations. */
    public String zh() { return zh; }
}
