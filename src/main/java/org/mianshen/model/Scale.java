package org.mianshen.model;

/** Enterprise size class per 工信部联企业〔2011〕300号. */
public enum Scale {
    /** 大型 */ LARGE,
    /** 中型 */ MEDIUM,
    /** 小型 */ SMALL,
    /** 微型 */ MICRO;

    public String zh() {
        return switch (this) { case LARGE -> "大型"; case MEDIUM -> "中型"; case SMALL -> "小型"; case MICRO -> "微型"; };
    }
}
