package org.mianshen.model;

/** Whether the document is law: a consultation draft (征求意见稿) is not, and is left out unless asked for. */
public enum DocStatus {
    /** Issued and in force as published. */
    ADOPTED("已发布"),
    /** 征求意见稿: a consultation draft, never adopted as such. */
    DRAFT("征求意见稿");

    private final String zh;

    DocStatus(String zh) { this.zh = zh; }

    public String zh() { return zh; }
}
