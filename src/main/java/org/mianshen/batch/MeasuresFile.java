package org.mianshen.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mianshen.io.Json;
import org.mianshen.model.Basis;
import org.mianshen.model.Delivery;
import org.mianshen.model.DocStatus;
import org.mianshen.model.Measure;
import org.mianshen.model.ValidToBasis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code OUTPUT.measures.json}: the constant data of every measure a registry-contract run can grant (in force on its
 * as-of date, neither SUPPORT nor a draft), written once per run beside the output and published with it. A line's
 * entitlement joins it on {@code measureId}; {@code detail} on the line, when present, replaces the measure's.
 */
@JsonPropertyOrder({"contract", "asOf", "rules", "output", "measures"})
public record MeasuresFile(String contract, LocalDate asOf, String rules, String output, List<Entry> measures) {
    /** Names this file format; a reader refuses another. */
    public static final String CONTRACT = "mianshen-registry/1";

    /** One measure, as every entitlement granted under it shares it. */
    @JsonPropertyOrder({"measureId", "family", "delivery", "title", "benefitType", "detail", "confirm", "basis", "validFrom",
            "validTo", "validToBasis", "standingLaw", "docStatus", "jurisdiction"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String measureId, String family, Delivery delivery, String title, String benefitType, String detail,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> confirm, Basis basis, LocalDate validFrom,
                        LocalDate validTo, ValidToBasis validToBasis, String standingLaw, DocStatus docStatus, String jurisdiction) {
        static Entry of(Measure m, String detail) {
            return new Entry(m.id(), m.family(), m.delivery(), m.title(), m.benefitType(), detail, m.confirm(), Basis.of(m),
                    m.validFrom(), m.validTo(), m.validToBasis(), m.standingLaw(), m.isDraft() ? m.docStatus() : null, m.jurisdiction());
        }

        /** The measure as push, diff and notify need it (no conditions: those stay with the rule tree). */
        public Measure toMeasure() {
            Basis b = basis == null ? new Basis("", null, "", null, "", null) : basis;
            return new Measure(measureId, family, title, benefitType, b.document(), b.docNumber() == null ? "" : b.docNumber(),
                    b.article(), b.authority(), b.source(), b.external() == null ? "" : b.external(), validFrom, validTo,
                    jurisdiction == null ? "" : jurisdiction, confirm == null ? List.of() : confirm, null, 0, List.of(), List.of(),
                    delivery, validToBasis, standingLaw, docStatus == null ? DocStatus.ADOPTED : docStatus, Map.of());
        }
    }

    /** The measures file of an output: {@code out.jsonl} → {@code out.jsonl.measures.json}. */
    public static Path beside(Path output) { return output.resolveSibling(output.getFileName() + ".measures.json"); }

    /** The measures a run on {@code asOf} can grant, in catalogue order. */
    static MeasuresFile of(List<Measure> catalogue, Map<String, String> constantDetails, LocalDate asOf, String rules, String output) {
        List<Entry> l = new ArrayList<>();
        for (Measure m : catalogue) {
            if (m.isSupport() || m.isDraft() || !m.inForce(asOf)) continue;
            l.add(Entry.of(m, constantDetails.get(m.id())));
        }
        return new MeasuresFile(CONTRACT, asOf, rules, output, List.copyOf(l));
    }

    void write(OutputStream out) throws IOException {
        Json.MAPPER.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, this);
        out.write('\n');
    }

    /** Reads a measures file; a clear error when it is not one. */
    public static MeasuresFile read(Path file) throws IOException {
        MeasuresFile f;
        try {
            f = Json.MAPPER.readValue(Files.readAllBytes(file), MeasuresFile.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not a measures file (" + e.getOriginalMessage() + ")");
        }
        if (!CONTRACT.equals(f.contract()))
            throw new IOException(file + ": contract \"" + f.contract() + "\"; expected \"" + CONTRACT + "\"");
        return f;
    }

    /** The measures as catalogue entries (push, diff, notify join a registry-contract output on these). */
    public List<Measure> catalogue() { return measures.stream().map(Entry::toMeasure).toList(); }
}
