package org.mianshen.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.util.List;

/**
 * One benefit an enterprise is entitled to (the §2 output contract). Measures of the same family
 * (a national rule and its local restatements, or alternatives such as 3 or 6 months of rent) are
 * one entitlement: the best of them is the primary, the others are listed in {@code alsoBasedOn}.
 */
@JsonPropertyOrder({"measureId", "family", "status", "delivery", "title", "benefitType", "amountYuan", "amountPeriod", "amountWorking", "amountMissing", "detail", "reasons",
        "missing", "confirm", "basis", "validFrom", "validTo", "validToBasis", "docStatus", "alsoBasedOn"})
public record Entitlement(
        String measureId, String family, Grant.Status status, Delivery delivery, String title, String benefitType,
        Long amountYuan,
        /* the span the amount covers, its Chinese working, and the facts a formula lacked (amount then null) */
        AmountPeriod amountPeriod, String amountWorking,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> amountMissing,
        String detail, List<String> reasons, List<String> missing,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> confirm,
        Basis basis, LocalDate validFrom, LocalDate validTo, ValidToBasis validToBasis,
        /* written only for a 征求意见稿 (DRAFT), which is shown only on request */
        @JsonInclude(JsonInclude.Include.NON_NULL) DocStatus docStatus,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AlsoBasedOn> alsoBasedOn) {

    /** Another measure granting the same benefit (restatement or alternative). */
    @JsonPropertyOrder({"measureId", "status", "amountYuan", "detail", "missing", "basis"})
    public record AlsoBasedOn(String measureId, Grant.Status status, Long amountYuan, String detail,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missing, Basis basis) {}
}
