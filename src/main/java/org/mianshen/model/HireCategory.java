package org.mianshen.model;

/** Category of newly hired persons that employment subsidies name. */
public enum HireCategory {
    GRADUATE_THIS_YEAR("毕业年度高校毕业生"),
    GRADUATE_WITHIN_2Y("离校2年内未就业高校毕业生"),
    UNEMPLOYED_YOUTH_16_24("登记失业的16-24岁青年"),
    UNEMPLOYED_6M("登记失业人员（失业半年以上）"),
    HARD_TO_EMPLOY("就业困难人员"),
    RURAL_MIGRANT("农村劳动力、农民工"),
    POVERTY_ALLEVIATED("脱贫人口"),
    VETERAN("退役军人"),
    DISABLED("残疾人"),
    OTHER("其他");

    private final String zh;

    HireCategory(String zh) { this.zh = zh; }

    /** The Chinese name the policies use, for reasons and explanations. */
    public String zh() { return zh; }
}
