package org.mianshen.model;

import java.util.List;

/**
 * What one firing rule recorded for one enterprise. Rule consequences refine it fluently:
 * {@code $e.grant(drools).amount($e.stateRentForMonths(3)).detail("3 个月租金减免");}
 */
public final class Grant {
    public final Measure measure;
    /** Profile inputs the measure's conditions referenced but the profile lacks; empty = ELIGIBLE. */
    public final List<String> missing;
    public Long amountYuan;
    public String detail;
    /** What span the amount covers, its working in Chinese, and the inputs a formula lacked (amount then null). */
    public AmountPeriod amountPeriod;
    public String amountWorking;
    public List<String> amountMissing = List.of();
    /**
     * The measure's family index and its position in the engine's catalogue, so that the result assembly
     * groups and orders ~90 grants per enterprise without map lookups.
     */
    public final int familyIndex, position;

    public Grant(Measure measure, List<String> missing, int familyIndex, int position) {
        this.measure = measure;
        this.familyIndex = familyIndex;
        this.position = position;
        this.missing = missing;
    }

    public Status status() { return missing.isEmpty() ? Status.ELIGIBLE : Status.NEEDS_INFO; }

    /** The amount the policy fixes, in whole yuan (null = the policy fixes none or an input is unknown). */
    public Grant amount(Long yuan) { this.amountYuan = yuan; return this; }

    /**
     * The amount a formula fixed ({@link Amounts}), with its period and working; or null yuan and the facts it
     * lacks. A null argument (the formula could not be asked, e.g. a condition still undecided) records nothing.
     */
    public Grant amount(Amount a) {
        if (a == null) return this;
        this.amountYuan = a.yuan();
        this.amountPeriod = a.period();
        this.amountWorking = a.working();
        this.amountMissing = a.missing();
        return this;
    }

    /** Caps the amount: min(amount, cap). */
    public Grant cap(long capYuan) {
        if (amountYuan != null && amountYuan > capYuan) {
            amountYuan = capYuan;
            if (amountWorking != null) amountWorking += "；封顶 " + capYuan + "元";
        }
        return this;
    }

    /** A short Chinese description of what exactly is granted, e.g. "3 个月租金减免". */
    public Grant detail(String text) { this.detail = text; return this; }

    public enum Status { ELIGIBLE, NEEDS_INFO }
}
