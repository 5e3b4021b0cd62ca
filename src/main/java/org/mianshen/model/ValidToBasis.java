package org.mianshen.model;

/** Why a measure ends when its {@code @validTo} says, or why it has no end (ARCHITECTURE §7). */
public enum ValidToBasis {
    /** The measure's own words state the end date. */
    STATED("措施原文规定"),
    /** Elsewhere in the same document: its 时序进度, a general validity clause, the period it is framed for. */
    DOCUMENT("同一文件规定"),
    /** The implementing document named in {@code @external}. */
    EXTERNAL("实施文件规定"),
    /** Framed for one year ("今年", "2022年…", "年底前", a title "关于做好2022年…"): ends on 31 December of that year. */
    YEAR("文件年度"),
    /** A standing provision, kept in force by the law or rule named in {@code @standingLaw}; open-ended. */
    STANDING("长期有效");

    private final String zh;

    ValidToBasis(String zh) { this.zh = zh; }

    public String zh() { return zh; }
}
