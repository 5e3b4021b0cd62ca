package org.mianshen.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** Why a measure of the enterprise's jurisdictions did not apply (`match --explain`). */
@JsonPropertyOrder({"measureId", "title", "failed", "nearMiss"})
public record NotEntitled(String measureId, String title, List<String> failed, boolean nearMiss) {}
