package org.mianshen.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A loan or credit line the enterprise has or applies for. */
public class Loan {
    @Fact(label = "贷款种类", description = "kind of loan, e.g. CREDIT (信用贷款), TECH_LOAN (科技贷), INCLUSIVE_SMALL_MICRO (普惠小微)")
    public LoanKind kind;
    @Fact(label = "贷款本金", unit = "yuan", description = "principal outstanding or applied for")
    public Long principalYuan;
    @Fact(label = "授信额度", unit = "yuan", description = "credit line granted")
    public Long creditLineYuan;
    @Fact(label = "到期日", unit = "date", description = "maturity date (ISO yyyy-mm-dd)")
    public LocalDate maturity;
    @Fact(label = "担保方", description = "NONE, GOVERNMENT_FINANCING_GUARANTEE (政府性融资担保), MUNICIPAL_GUARANTEE, OTHER")
    public Guarantor guarantor;
    @Fact(label = "年利率", unit = "percent", description = "annual interest rate in percent, e.g. 4.35")
    public BigDecimal annualRatePercent;
    @Fact(label = "担保费率", unit = "percent", description = "annual guarantee fee rate in percent, e.g. 1.0")
    public BigDecimal guaranteeFeeRatePercent;
    @Fact(label = "受疫情影响到期还款困难", description = "true when the borrower reports difficulty repaying at maturity because of the epidemic (bank to confirm)")
    public Boolean repaymentDifficulty;
}
