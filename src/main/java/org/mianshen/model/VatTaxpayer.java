package org.mianshen.model;

/** 增值税纳税人类型. */
public enum VatTaxpayer {
    /** 小规模纳税人 */ SMALL_SCALE,
    /** 一般纳税人 */ GENERAL
}
