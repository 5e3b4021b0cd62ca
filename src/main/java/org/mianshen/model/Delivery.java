package org.mianshen.model;

/**
 * How a measure reaches the enterprise (ARCHITECTURE §7), after the provincial 惠企政策直达快享 practice: a
 * policy is 免申即享 when "奖补范围明确、审核标准清晰、比对数据齐全".
 */
public enum Delivery {
    /** 免申即享: a concrete benefit received without applying (applied at filing, pushed by the authority). */
    AUTOMATIC("免申即享"),
    /** 依申请享受: a concrete benefit to this enterprise after its application or an approval. */
    ON_APPLICATION("依申请可享"),
    /**
     * 相关支持措施: instructions or encouragement to governments, banks, guarantors, platforms or operators,
     * services, aggregate or average targets. Never an entitlement of any one enterprise.
     */
    SUPPORT("相关支持措施");

    private final String zh;

    Delivery(String zh) { this.zh = zh; }

    public String zh() { return zh; }
}
