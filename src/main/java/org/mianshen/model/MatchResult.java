package org.mianshen.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.util.List;

/** What `match` prints and `batch` writes per profile (ARCHITECTURE §2). */
@JsonPropertyOrder({"uscc", "name", "asOf", "derived", "entitlements", "support", "warnings"})
public record MatchResult(String uscc, String name, LocalDate asOf, Derived derived,
                          List<Entitlement> entitlements,
                          /* SUPPORT measures of the enterprise's jurisdictions, only when asked for (match --include-support) */
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          List<Support> support,
                          List<String> warnings) {

    /** A SUPPORT measure: an instruction, a service or a target that concerns the enterprise but is no entitlement. */
    @JsonPropertyOrder({"measureId", "title", "basis", "validFrom", "validTo", "validToBasis"})
    public record Support(String measureId, String title, Basis basis, LocalDate validFrom, LocalDate validTo,
                          ValidToBasis validToBasis) {
        public static Support of(Measure m) {
            return new Support(m.id(), m.title(), Basis.of(m), m.validFrom(), m.validTo(), m.validToBasis());
        }
    }

    /** Facts derived from national standards, shown so a reader can check the reasoning. */
    @JsonPropertyOrder({"entityType", "legalForm", "branch", "citPayer", "scale", "scaleBasis", "smallLowProfit", "section",
            "division", "serviceIndustry", "province", "prefecture", "county", "regionSource", "countyRiskThisYear",
            "prefectureRiskThisYear"})
    public record Derived(EntityType entityType, LegalForm legalForm, Boolean branch, Boolean citPayer,
                          Scale scale, String scaleBasis, Boolean smallLowProfit,
                          String section, String division, Boolean serviceIndustry,
                          String province, String prefecture, String county, String regionSource,
                          Boolean countyRiskThisYear, Boolean prefectureRiskThisYear) {}
}
