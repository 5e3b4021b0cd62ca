package org.mianshen.model;

/** Who owns premises the enterprise rents (承租). */
public enum PremisesOwnership {
    /** 国有 (行政事业单位、国有企业) */ STATE,
    /** 非国有 */ PRIVATE
}
