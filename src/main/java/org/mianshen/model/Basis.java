package org.mianshen.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The legal basis of an entitlement: document, number, article, issuer, seed lines, external source. */
@JsonPropertyOrder({"document", "docNumber", "article", "authority", "source", "external"})
public record Basis(String document, String docNumber, String article, String authority, String source, String external) {
    public static Basis of(Measure m) {
        return new Basis(m.doc(), blankToNull(m.docNumber()), m.article(), m.authority(), m.source(), blankToNull(m.external()));
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
