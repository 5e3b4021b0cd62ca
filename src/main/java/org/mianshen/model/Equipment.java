package org.mianshen.model;

import java.time.LocalDate;

/** One unit of equipment or apparatus (设备、器具) the enterprise bought, for the accelerated-deduction amounts. */
public class Equipment {
    @Fact(label = "单位价值", unit = "yuan", description = "unit value (单位价值) of the equipment, excluding VAT")
    public Long costYuan;
    @Fact(label = "最低折旧年限", unit = "years", description = "minimum depreciation years under 企业所得税法实施条例 第六十条 or the 2022 table: 3, 4, 5 or 10")
    public Integer depreciationYears;
    @Fact(label = "购进日期", unit = "date", description = "date bought and put into use (ISO yyyy-mm-dd); depreciation starts the month after")
    public LocalDate acquiredOn;
}
