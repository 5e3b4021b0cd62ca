package org.mianshen.model;

/** One rented premises (承租房屋). */
public class Premises {
    @Fact(label = "房屋产权", description = "STATE: 国有房屋 (行政事业单位、国有企业); PRIVATE: 其他")
    public PremisesOwnership ownership;
    @Fact(label = "月租金", unit = "yuan", description = "monthly rent actually paid for this premises")
    public Long monthlyRentYuan;
    @Fact(label = "房屋所在地", description = "GB/T 2260 county code of the premises (defaults to the enterprise's regionCode)")
    public String regionCode;
}
