package org.mianshen.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.mianshen.io.Json;
import org.mianshen.model.Entitlement;
import org.mianshen.model.Grant;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an {@link Entitlement} exactly as {@code Json.MAPPER} does (same fields, order, inclusion and
 * escaping; {@code EntitlementSerializerTest} compares the bytes), but writes the parts that depend only
 * on the measure — title, benefit type, confirm list, legal basis, validity — from UTF-8 bytes encoded
 * once per measure. With the current rule tree an enterprise gets ~50 entitlements (~65 KB of JSON), most
 * of it these constant parts; encoding them once saves most of the serialization time. Thread-safe.
 */
final class EntitlementSerializer extends StdSerializer<Entitlement> {
    private static final SerializedString MEASURE_ID = new SerializedString("measureId"), FAMILY = new SerializedString("family"),
            STATUS = new SerializedString("status"), AMOUNT = new SerializedString("amountYuan"), DETAIL = new SerializedString("detail"),
            REASONS = new SerializedString("reasons"), MISSING = new SerializedString("missing"), ALSO = new SerializedString("alsoBasedOn"),
            BASIS = new SerializedString("basis"), PERIOD = new SerializedString("amountPeriod"),
            WORKING = new SerializedString("amountWorking"), AMOUNT_MISSING = new SerializedString("amountMissing"),
            ELIGIBLE = new SerializedString(Grant.Status.ELIGIBLE.name()), NEEDS_INFO = new SerializedString(Grant.Status.NEEDS_INFO.name());

    /** The constant parts of one measure's entitlement, pre-encoded. */
    private record Static(Entitlement key, SerializedString id, SerializedString family, SerializedString afterStatus,
                          SerializedString tail) {
        boolean fits(Entitlement e) {
            Entitlement k = key;
            return Objects.equals(k.family(), e.family()) && Objects.equals(k.title(), e.title())
                    && Objects.equals(k.benefitType(), e.benefitType()) && Objects.equals(k.confirm(), e.confirm())
                    && Objects.equals(k.basis(), e.basis()) && Objects.equals(k.validFrom(), e.validFrom())
                    && Objects.equals(k.validTo(), e.validTo()) && k.delivery() == e.delivery()
                    && k.validToBasis() == e.validToBasis() && k.docStatus() == e.docStatus();
        }
    }

    private final Map<String, Static> statics = new ConcurrentHashMap<>();
    private final Map<String, SerializedString> details = new ConcurrentHashMap<>();

    EntitlementSerializer() { super(Entitlement.class); }

    /** A copy of {@code Json.MAPPER} that writes entitlements with this serializer. */
    static ObjectMapper mapper() {
        return Json.MAPPER.copy().registerModule(new SimpleModule("fast-entitlements").addSerializer(Entitlement.class, new EntitlementSerializer()));
    }

    @Override
    public void serialize(Entitlement e, JsonGenerator g, SerializerProvider p) throws IOException {
        Static s = statics.get(e.measureId());
        if (s == null || !s.fits(e)) {
            s = build(e);
            statics.put(e.measureId(), s);
        }
        g.writeStartObject(e);
        g.writeFieldName(MEASURE_ID); g.writeString(s.id);
        if (s.family != null) { g.writeFieldName(FAMILY); g.writeString(s.family); }
        if (e.status() != null) { g.writeFieldName(STATUS); g.writeString(e.status() == Grant.Status.ELIGIBLE ? ELIGIBLE : NEEDS_INFO); }
        if (s.afterStatus != null) g.writeRaw(s.afterStatus);
        if (e.amountYuan() != null) { g.writeFieldName(AMOUNT); g.writeNumber(e.amountYuan()); }
        if (e.amountPeriod() != null) { g.writeFieldName(PERIOD); g.writeString(e.amountPeriod().name()); }
        if (e.amountWorking() != null) { g.writeFieldName(WORKING); g.writeString(e.amountWorking()); }
        if (e.amountMissing() != null && !e.amountMissing().isEmpty()) strings(g, AMOUNT_MISSING, e.amountMissing());
        if (e.detail() != null) { g.writeFieldName(DETAIL); detail(g, e.detail()); }
        if (e.reasons() != null) strings(g, REASONS, e.reasons());
        if (e.missing() != null) strings(g, MISSING, e.missing());
        if (s.tail != null) g.writeRaw(s.tail);
        if (e.alsoBasedOn() != null && !e.alsoBasedOn().isEmpty()) {
            g.writeFieldName(ALSO);
            g.writeStartArray(e.alsoBasedOn(), e.alsoBasedOn().size());
            for (Entitlement.AlsoBasedOn a : e.alsoBasedOn()) also(g, a);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The measure's legal basis as JSON, encoded once per measure (an alsoBasedOn entry repeats it per enterprise). */
    private record EncodedBasis(org.mianshen.model.Basis basis, String json) {}

    private final Map<String, EncodedBasis> bases = new ConcurrentHashMap<>();

    /** One alsoBasedOn entry, field for field as {@code Json.MAPPER} writes {@link Entitlement.AlsoBasedOn}. */
    private void also(JsonGenerator g, Entitlement.AlsoBasedOn a) throws IOException {
        g.writeStartObject(a);
        if (a.measureId() != null) { g.writeFieldName(MEASURE_ID); g.writeString(a.measureId()); }
        if (a.status() != null) { g.writeFieldName(STATUS); g.writeString(a.status() == Grant.Status.ELIGIBLE ? ELIGIBLE : NEEDS_INFO); }
        if (a.amountYuan() != null) { g.writeFieldName(AMOUNT); g.writeNumber(a.amountYuan()); }
        if (a.detail() != null) { g.writeFieldName(DETAIL); detail(g, a.detail()); }
        if (a.missing() != null && !a.missing().isEmpty()) strings(g, MISSING, a.missing());
        if (a.basis() != null) {
            EncodedBasis b = bases.get(a.measureId());
            if (b == null || !b.basis().equals(a.basis())) {
                b = new EncodedBasis(a.basis(), Json.MAPPER.writeValueAsString(a.basis()));
                bases.put(a.measureId(), b);
            }
            g.writeFieldName(BASIS);
            g.writeRawValue(b.json());
        }
        g.writeEndObject();
    }

    private void detail(JsonGenerator g, String text) throws IOException {
        SerializedString d = details.get(text);
        if (d == null && details.size() < 50_000) details.put(text, d = new SerializedString(text));
        if (d != null) g.writeString(d); else g.writeString(text);
    }

    private static void strings(JsonGenerator g, SerializedString name, List<String> l) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray(l, l.size());
        for (String x : l) { if (x == null) g.writeNull(); else g.writeString(x); }
        g.writeEndArray();
    }

    private static Static build(Entitlement e) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        if (e.delivery() != null) a.put("delivery", e.delivery().name());
        if (e.title() != null) a.put("title", e.title());
        if (e.benefitType() != null) a.put("benefitType", e.benefitType());
        ObjectNode t = Json.MAPPER.createObjectNode();
        if (e.confirm() != null && !e.confirm().isEmpty()) t.set("confirm", Json.MAPPER.valueToTree(e.confirm()));
        if (e.basis() != null) t.set("basis", Json.MAPPER.valueToTree(e.basis()));
        if (e.validFrom() != null) t.set("validFrom", Json.MAPPER.valueToTree(e.validFrom()));
        if (e.validTo() != null) t.set("validTo", Json.MAPPER.valueToTree(e.validTo()));
        if (e.validToBasis() != null) t.put("validToBasis", e.validToBasis().name());
        if (e.docStatus() != null) t.put("docStatus", e.docStatus().name());
        return new Static(e, new SerializedString(e.measureId()), e.family() == null ? null : new SerializedString(e.family()),
                inner(a), inner(t));
    }

    /** {@code {"a":1,"b":2}} → {@code ,"a":1,"b":2} (null when empty), for writing after earlier fields. */
    private static SerializedString inner(ObjectNode n) {
        if (n.isEmpty()) return null;
        try {
            String json = Json.MAPPER.writeValueAsString(n);
            return new SerializedString("," + json.substring(1, json.length() - 1));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
