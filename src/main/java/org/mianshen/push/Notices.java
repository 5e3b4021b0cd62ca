package org.mianshen.push;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.mianshen.model.Measure;
import org.mianshen.reference.Regions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One notice per enterprise with an entitlement, rendered from two editable templates: the notice
 * ({@code templates/notice.md}) and an entitlement ({@code templates/notice-item.md}), variables in docs/push.md.
 * The templates are checked against the variables before anything is written.
 */
public final class Notices {
    public enum Format { MD, TXT, JSONL }

    /** Variables of the notice template. */
    public static final Set<String> NOTICE_VARS = Set.of("name", "uscc", "asOf", "regionCode", "region", "eligibleCount",
            "needsInfoCount", "eligibleAmount", "eligibleItems", "needsInfoItems", "needsInfoSection", "contact", "issuer", "date");
    /** Variables of the entitlement template. */
    public static final Set<String> ITEM_VARS = Set.of("index", "measureId", "family", "title", "tier", "status", "amount",
            "basis", "validity", "confirm", "missing", "authority");

    private final Template notice, item;
    private final Catalogue cat;
    private final Map<String, String> fixed;
    private final Format format;
    private final Path dir;
    private JsonGenerator jsonl;
    private OutputStream jsonlOut;
    private long written;

    /**
     * @param fixed values of {@code contact}, {@code issuer}, {@code date} and of every {@code --var}
     * @throws Template.TemplateError when a template uses a variable that has no value
     */
    public Notices(Template notice, Template item, Catalogue cat, Map<String, String> fixed, Format format, Path dir) {
        Set<String> known = new java.util.HashSet<>(NOTICE_VARS);
        known.addAll(fixed.keySet());
        Set<String> knownItem = new java.util.HashSet<>(ITEM_VARS);
        knownItem.addAll(fixed.keySet());
        notice.check(known);
        item.check(knownItem);
        this.notice = notice; this.item = item; this.cat = cat; this.fixed = fixed; this.format = format; this.dir = dir;
    }

    /** The notice of one enterprise, or null when it has no entitlement. */
    public String render(PushRecord r) {
        if (r.items().isEmpty()) return null;
        StringBuilder eligible = new StringBuilder(), needs = new StringBuilder();
        int ne = 0, nn = 0;
        long amount = 0;
        for (PushRecord.Item i : r.items()) {
            Measure m = cat.require(i.measureId(), r.uscc());
            Map<String, String> v = new HashMap<>(fixed);
            v.put("index", String.valueOf(i.eligible() ? ++ne : ++nn));
            v.put("measureId", m.id());
            v.put("family", i.family());
            v.put("title", m.title());
            v.put("tier", m.delivery().zh());
            v.put("status", PushLists.status(i.status()));
            v.put("amount", i.amountYuan() == null ? "按实际核定" : String.format("%,d 元", i.amountYuan()));
            v.put("basis", Catalogue.basisLine(m));
            v.put("validity", Catalogue.validity(m));
            v.put("confirm", i.confirm().isEmpty() ? "无" : String.join("；", i.confirm()));
            v.put("missing", i.missing().isEmpty() ? "无" : String.join("；", i.missing()));
            v.put("authority", m.authority());
            String text = item.render(v);
            if (i.eligible()) { eligible.append(text).append('\n'); if (i.amountYuan() != null) amount += i.amountYuan(); }
            else needs.append(text).append('\n');
        }
        Map<String, String> v = new HashMap<>(fixed);
        v.put("name", r.name() == null ? r.uscc() : r.name());
        v.put("uscc", r.uscc());
        v.put("asOf", r.asOf() == null ? fixed.getOrDefault("date", "") : r.asOf().toString());
        v.put("regionCode", r.regionCode() == null ? "" : r.regionCode());
        String rn = r.regionCode() == null ? null : Regions.describe(r.regionCode());
        v.put("region", rn == null ? "" : rn);
        v.put("eligibleCount", String.valueOf(ne));
        v.put("needsInfoCount", String.valueOf(nn));
        v.put("eligibleAmount", String.format("%,d", amount));
        v.put("eligibleItems", ne == 0 ? "（暂无可直接享受的政策）\n" : eligible.toString());
        v.put("needsInfoItems", needs.toString());
        v.put("needsInfoSection", nn == 0 ? "" : "另有 " + nn + " 项政策，请补充或确认下列信息后即可享受：\n\n" + needs);
        return notice.render(v);
    }

    /** Renders and writes the enterprise's notice; false when it has none. */
    public boolean write(PushRecord r) throws IOException {
        String text = render(r);
        if (text == null) return false;
        if (format == Format.JSONL) {
            if (jsonl == null) {
                jsonlOut = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("messages.jsonl")), 1 << 16);
                jsonl = new JsonFactory().createGenerator(jsonlOut);
                jsonl.setRootValueSeparator(null);
            }
            jsonl.writeStartObject();
            jsonl.writeStringField("uscc", r.uscc());
            jsonl.writeStringField("name", r.name());
            jsonl.writeStringField("regionCode", r.regionCode());
            jsonl.writeStringField("text", text);
            jsonl.writeEndObject();
            jsonl.writeRaw('\n');
        } else {
            Files.writeString(dir.resolve(PushLists.fileName(r.uscc()) + (format == Format.MD ? ".md" : ".txt")), text, StandardCharsets.UTF_8);
        }
        written++;
        return true;
    }

    public long written() { return written; }

    public void close() throws IOException {
        if (jsonl != null) { jsonl.close(); jsonlOut.close(); }
    }

    /** Values of the run-wide variables with their defaults, then {@code --var} on top. */
    public static Map<String, String> fixedValues(String contact, String issuer, String date, List<String> vars) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("contact", contact);
        m.put("issuer", issuer);
        m.put("date", date);
        for (String kv : vars) {
            int eq = kv.indexOf('=');
            if (eq < 1) throw new Template.TemplateError("--var " + kv + ": expected NAME=VALUE");
            m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
        }
        return m;
    }
}
