package org.mianshen.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.util.List;

/** What `match` prints and `batch` writes per profile (ARCHITECTURE §2). */
@JsonPropertyOrder({"uscc", "name", "asOf", "derived", "entitlements", "warnings"})
public record MatchResult(String uscc, String name, LocalDate asOf, Derived derived,
                          List<Entitlement> entitlements, List<String> warnings) {

    /** Facts derived from national standards, shown so a reader can check the reasoning. */
    @JsonPropertyOrder({"entityType", "scale", "scaleBasis", "smallLowProfit", "section", "division",
            "serviceIndustry", "province", "prefecture", "county", "countyRiskThisYear", "prefectureRiskThisYear"})
    public record Derived(EntityType entityType, Scale scale, String scaleBasis, Boolean smallLowProfit,
                          String section, String division, Boolean serviceIndustry,
                          String province, String prefecture, String county,
                          Boolean countyRiskThisYear, Boolean prefectureRiskThisYear) {}
}
