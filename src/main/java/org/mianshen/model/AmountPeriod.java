package org.mianshen.model;

/**
 * What span an amount covers. An amount is never pro-rated to the as-of date: a monthly amount is what one month
 * of the enterprise's stated level saves (the validity window says which months count), a yearly amount is one tax
 * year — the year of the as-of date — and a one-off amount is paid once.
 */
public enum AmountPeriod {
    /** Paid or saved once (a refund, a subsidy, a number of months of rent). */
    ONE_OFF("一次性"),
    /** Saved in every month of the validity window at the profile's monthly level. */
    PER_MONTH("每月"),
    /** Saved in the tax year of the as-of date (企业所得税 and annual contributions). */
    PER_YEAR("每年");

    private final String zh;

    AmountPeriod(String zh) { this.zh = zh; }

    public String zh() { return zh; }
}
