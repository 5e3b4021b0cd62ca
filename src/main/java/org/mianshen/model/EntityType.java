package org.mianshen.model;

/** Kind of market entity, by default from USCC positions 1-2 (91, 92, 93). */
public enum EntityType {
    /** 企业 (91) */ ENTERPRISE,
    /** 个体工商户 (92) */ INDIVIDUAL_BUSINESS,
    /** 农民专业合作社 (93) */ FARMER_COOPERATIVE
}
