package org.mianshen.model;

import java.time.LocalDate;

/** A group of persons hired in one category. */
public class Hire {
    @Fact(label = "招用人员类别", description = "category of the persons hired, e.g. GRADUATE_THIS_YEAR (毕业年度高校毕业生)")
    public HireCategory category;
    @Fact(label = "招用人数", unit = "persons", description = "number of persons hired in this category")
    public Integer count;
    @Fact(label = "劳动合同期限", unit = "months", description = "length of the labour contract signed")
    public Integer contractMonths;
    @Fact(label = "参加社会保险", description = "true when the enterprise pays social (unemployment) insurance for them")
    public Boolean socialInsurance;
    @Fact(label = "招用日期", unit = "date", description = "date the contract started (ISO yyyy-mm-dd)")
    public LocalDate hiredOn;
    @Fact(label = "户籍所在地", description = "GB/T 2260 code of the hires' household registration (户籍): 6-digit county, or a 4- or 2-digit prefix when only the city or province is known")
    public String householdRegion;
}
