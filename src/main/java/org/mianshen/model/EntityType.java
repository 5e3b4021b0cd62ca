package org.mianshen.model;

/** Kind of market entity, by default from USCC positions 1-2 (91, 92, 93). */
public enum EntityType {
    ENTERPRISE("企业"),
    INDIVIDUAL_BUSINESS("个体工商户"),
    FARMER_COOPERATIVE("农民专业合作社");

    private final String zh;

    EntityType(String zh) { this.zh = zh; }

    /** The Chinese name the policies use. */
    public String zh() { return zh; }
}
