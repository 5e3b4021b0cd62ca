package org.mianshen.model;

/** Who owns premises the enterprise rents (承租). */
public enum PremisesOwnership {
    STATE("国有"),
    PRIVATE("非国有");

    private final String zh;

    PremisesOwnership(String zh) { this.zh = zh; }

    /** The Chinese name the policies use. */
    public String zh() { return zh; }
}
