package org.mianshen.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One relief measure as the rule tree declares it: the rule's metadata (ARCHITECTURE §3) plus what
 * the engine learns from its conditions. The list of all of them is the catalogue.
 *
 * @param conditions the rule author's constraints on the Enterprise pattern, verbatim (engine-added
 *                   jurisdiction and date constraints excluded)
 * @param references the fact identifiers ({@code Enterprise.VOCABULARY}) the conditions use, in order
 * @param delivery   how it reaches the enterprise (免申即享, 依申请, or a SUPPORT measure that is no entitlement)
 * @param validToBasis why it ends on {@code validTo}, or {@code STANDING} when it has no end
 * @param standingLaw for a STANDING measure, the law or rule that keeps it in force
 * @param docStatus  ADOPTED, or DRAFT for a 征求意见稿
 * @param functionLabels Chinese labels of the rule-file functions the conditions call (their {@code // 标签：} comment)
 */
public record Measure(
        String id, String family, String title, String benefitType,
        String doc, String docNumber, String article, String authority, String source, String external,
        LocalDate validFrom, LocalDate validTo, String jurisdiction,
        List<String> confirm, String file, int line,
        List<String> conditions, List<String> references,
        Delivery delivery, ValidToBasis validToBasis, String standingLaw, DocStatus docStatus,
        java.util.Map<String, String> functionLabels) {

    /** A SUPPORT measure is an instruction or a service, never an enterprise's entitlement. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isSupport() { return delivery == Delivery.SUPPORT; }

    /** From a consultation draft (征求意见稿): not law. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDraft() { return docStatus == DocStatus.DRAFT; }

    /** In force on the date (validFrom and validTo both inclusive; null = open). */
    public boolean inForce(LocalDate d) {
        return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
    }

    /** Applies territorially to an enterprise in the county (GB/T 2260 prefix match; "" = national). */
    public boolean appliesIn(String regionCode) {
        return jurisdiction.isEmpty() || (regionCode != null && regionCode.startsWith(jurisdiction));
    }

    /** The seed file name of {@link #source} ("002_….txt:18-19" → "002_….txt"). */
    public String seedFile() {
        int i = source.lastIndexOf(':');
        return i < 0 ? source : source.substring(0, i);
    }
}
