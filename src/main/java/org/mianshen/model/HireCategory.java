package org.mianshen.model;

/** Category of newly hired persons that employment subsidies name. */
public enum HireCategory {
    /** 毕业年度高校毕业生 */ GRADUATE_THIS_YEAR,
    /** 离校2年内未就业高校毕业生 */ GRADUATE_WITHIN_2Y,
    /** 登记失业的16-24岁青年 */ UNEMPLOYED_YOUTH_16_24,
    /** 登记失业人员 (失业半年以上) */ UNEMPLOYED_6M,
    /** 就业困难人员 */ HARD_TO_EMPLOY,
    /** 农村劳动力/农民工 */ RURAL_MIGRANT,
    /** 脱贫人口 */ POVERTY_ALLEVIATED,
    /** 退役军人 */ VETERAN,
    /** 残疾人 */ DISABLED,
    /** 其他 */ OTHER
}
