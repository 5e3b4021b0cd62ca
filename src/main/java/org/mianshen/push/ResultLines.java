package org.mianshen.push;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.mianshen.model.Delivery;
import org.mianshen.model.Grant;
import org.mianshen.model.Measure;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one line of a batch output to a {@link PushRecord}: the one place that knows the output forms.
 * <ul>
 *   <li>full contract: region from {@code derived.county}, scale and 小型微利 from {@code derived}, confirm per entitlement;</li>
 *   <li>{@code --compact}: the same without title, basis, confirm (taken from the catalogue);</li>
 *   <li>registry contract (batch's default): {@code regionCode}, {@code scale}, {@code smallLowProfit} at the top level,
 *       alsoBasedOn as ids, no asOf; the run's {@code OUTPUT.measures.json} is joined on measureId ({@link #of}).</li>
 * </ul>
 * Whatever a line leaves out (delivery, confirm) comes from the loaded catalogue. Streams the line with Jackson's
 * parser and skips what it does not need (reasons, detail, basis): a full-contract line is ~85 KB.
 */
public final class ResultLines {
    private static final JsonFactory JSON = new JsonFactory();
    private final Catalogue catalogue;

    private LocalDate asOfDefault;

    public ResultLines(Catalogue catalogue) { this.catalogue = catalogue; }

    /**
     * Reads the batch outputs {@code outputs}: a registry-contract output's measures file ({@code OUTPUT.measures.json},
     * written beside it by the run) is joined into {@code catalogue} (title, basis, confirm, validity by measureId), and
     * with one output its as-of date is every line's (the registry contract writes it once, there).
     */
    public static ResultLines of(Catalogue catalogue, java.nio.file.Path... outputs) throws IOException {
        ResultLines r = new ResultLines(catalogue);
        long given = java.util.Arrays.stream(outputs).filter(java.util.Objects::nonNull).count();
        for (java.nio.file.Path o : outputs) {
            if (o == null) continue;
            java.nio.file.Path mf = org.mianshen.batch.MeasuresFile.beside(o);
            if (!java.nio.file.Files.isRegularFile(mf)) continue;
            var f = org.mianshen.batch.MeasuresFile.read(mf);
            catalogue.join(f.catalogue());
            if (given == 1) r.asOfDefault = f.asOf();
        }
        return r;
    }

    /** Thrown for a line that is not a batch output line; the reader adds file and line number. */
    public static final class BadLine extends RuntimeException {
        public BadLine(String m) { super(m); }
    }

    public PushRecord map(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new BadLine("not a JSON object");
            String uscc = null, name = null, region = null, scale = null;
            Boolean slp = null;
            LocalDate asOf = null;
            List<PushRecord.Item> items = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "uscc" -> uscc = text(p, t);
                    case "name" -> name = text(p, t);
                    case "asOf" -> { String s = text(p, t); asOf = s == null ? null : LocalDate.parse(s); }
                    case "regionCode" -> region = text(p, t);
                    case "scale" -> scale = text(p, t);
                    case "smallLowProfit" -> slp = t == JsonToken.VALUE_NULL ? null : p.getBooleanValue();
                    case "derived" -> {
                        if (t != JsonToken.START_OBJECT) { p.skipChildren(); break; }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String g = p.currentName();
                            JsonToken u = p.nextToken();
                            switch (g) {
                                case "county" -> { String c = text(p, u); if (region == null) region = c; }
                                case "scale" -> { String s = text(p, u); if (scale == null) scale = s; }
                                case "smallLowProfit" -> { if (slp == null && u != JsonToken.VALUE_NULL) slp = p.getBooleanValue(); }
                                default -> p.skipChildren();
                            }
                        }
                    }
                    case "entitlements" -> {
                        if (t != JsonToken.START_ARRAY) throw new BadLine("entitlements: expected a JSON array");
                        items = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_OBJECT) items.add(item(p));
                    }
                    default -> p.skipChildren();
                }
            }
            if (uscc == null || uscc.isEmpty()) throw new BadLine("uscc: missing; expected a batch output line (one enterprise's result)");
            if (items == null)
                throw new BadLine("entitlements: missing; expected a batch output line, not a registry profile (run `mianshen batch` first, or pass the registry to `push --as-of`)");
            return new PushRecord(uscc, name, region, scale, slp, asOf != null ? asOf : asOfDefault, items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadLine("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadLine("cannot be read (" + e.getMessage() + ")");
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadLine("asOf: \"" + e.getParsedString() + "\" is not a date (yyyy-mm-dd)");
        }
    }

    private PushRecord.Item item(JsonParser p) throws IOException {
        String id = null, family = null, delivery = null, status = null;
        Long amount = null;
        List<String> missing = List.of(), confirm = null, also = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "measureId" -> id = text(p, t);
                case "family" -> family = text(p, t);
                case "delivery" -> delivery = text(p, t);
                case "status" -> status = text(p, t);
                case "amountYuan" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT) amount = p.getLongValue();
                    else if (t != JsonToken.VALUE_NULL) throw new BadLine("amountYuan: expected whole yuan, got " + p.getText());
                }
                case "missing" -> missing = strings(p, t);
                case "confirm" -> confirm = strings(p, t);
                case "alsoBasedOn" -> also = ids(p, t);
                default -> p.skipChildren();
            }
        }
        if (id == null) throw new BadLine("entitlements[]: measureId missing");
        Measure m = catalogue.require(id, "entitlements[]");
        Grant.Status st;
        try {
            st = Grant.Status.valueOf(status);
        } catch (RuntimeException e) {
            throw new BadLine("entitlements[" + id + "].status: \"" + status + "\"; expected ELIGIBLE or NEEDS_INFO");
        }
        Delivery d;
        try {
            d = delivery == null ? m.delivery() : Delivery.valueOf(delivery);
        } catch (IllegalArgumentException e) {
            throw new BadLine("entitlements[" + id + "].delivery: \"" + delivery + "\"; expected AUTOMATIC or ON_APPLICATION");
        }
        return new PushRecord.Item(id, family == null ? m.family() : family, d, st, amount, missing,
                confirm == null ? m.confirm() : confirm, also);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) { p.skipChildren(); return null; }
        return p.getText();
    }

    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) { p.skipChildren(); return List.of(); }
        List<String> l = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) l.add(p.getText());
        return l;
    }

    /** alsoBasedOn: objects with a measureId (full, compact) or plain ids (registry contract). */
    private static List<String> ids(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) { p.skipChildren(); return List.of(); }
        List<String> l = new ArrayList<>(2);
        for (JsonToken u; (u = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (u == JsonToken.VALUE_STRING) { l.add(p.getText()); continue; }
            if (u != JsonToken.START_OBJECT) { p.skipChildren(); continue; }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (f.equals("measureId")) l.add(p.getText()); else p.skipChildren();
            }
        }
        return l;
    }
}
