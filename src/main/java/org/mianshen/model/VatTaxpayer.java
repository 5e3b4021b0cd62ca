package org.mianshen.model;

/** 增值税纳税人类型. */
public enum VatTaxpayer {
    SMALL_SCALE("增值税小规模纳税人"),
    GENERAL("增值税一般纳税人");

    private final String zh;

    VatTaxpayer(String zh) { this.zh = zh; }

    /** The Chinese name the policies use. */
    public String zh() { return zh; }
}
