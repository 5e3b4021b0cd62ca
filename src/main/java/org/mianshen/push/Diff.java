package org.mianshen.push;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.mianshen.model.Grant;
import org.mianshen.model.Measure;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changed between two batch outputs, per enterprise and per measure, by a merge of two streams sorted by uscc
 * (memory: one enterprise of each). An entitlement is keyed by its primary measure (the push list it is on): newly
 * entitled ({@code NEW}), no longer entitled ({@code GONE}), or status and/or amount changed ({@code CHANGED}).
 * A change in the list of missing facts alone is not a change: the bureau's action does not differ.
 */
public final class Diff {
    public enum Kind { NEW, GONE, CHANGED }

    /** One measure's change for one enterprise; {@code old}/{@code now} are null on the side it is absent. */
    public record Change(String measureId, Kind kind, PushRecord.Item old, PushRecord.Item now) {
        public boolean statusChanged() { return kind == Kind.CHANGED && old.status() != now.status(); }
        public boolean amountChanged() { return kind == Kind.CHANGED && !Objects.equals(old.amountYuan(), now.amountYuan()); }
    }

    /** Receives every enterprise with at least one change ({@code old} or {@code now} null when only on one side). */
    public interface Listener {
        void changed(PushRecord old, PushRecord now, List<Change> changes) throws IOException;
    }

    /** The changes of one enterprise (empty when none). */
    public static List<Change> changes(PushRecord old, PushRecord now) {
        List<Change> out = new ArrayList<>();
        Map<String, PushRecord.Item> before = new HashMap<>();
        if (old != null) for (PushRecord.Item i : old.items()) before.put(i.measureId(), i);
        if (now != null) {
            for (PushRecord.Item i : now.items()) {
                PushRecord.Item o = before.remove(i.measureId());
                if (o == null) out.add(new Change(i.measureId(), Kind.NEW, null, i));
                else if (o.status() != i.status() || !Objects.equals(o.amountYuan(), i.amountYuan()))
                    out.add(new Change(i.measureId(), Kind.CHANGED, o, i));
            }
        }
        if (old != null) for (PushRecord.Item o : old.items()) if (before.containsKey(o.measureId())) out.add(new Change(o.measureId(), Kind.GONE, o, null));
        return out;
    }

    /** Merges the two sorted streams; every enterprise with a change goes to the listener and is counted. */
    public static Totals run(ResultReader oldIn, ResultReader newIn, Listener listener) throws IOException {
        return run(oldIn, newIn, listener, null);
    }

    /** As {@link #run(ResultReader, ResultReader, Listener)}; {@code everyNew} (if any) also sees every enterprise of NEW. */
    public static Totals run(ResultReader oldIn, ResultReader newIn, Listener listener,
                             java.util.function.Consumer<PushRecord> everyNew) throws IOException {
        Totals t = new Totals();
        PushRecord o = oldIn.next(), n = newIn.next();
        while (o != null || n != null) {
            int c = o == null ? 1 : n == null ? -1 : o.uscc().compareTo(n.uscc());
            PushRecord a = c <= 0 ? o : null, b = c >= 0 ? n : null;
            if (a != null) t.oldEnterprises++;
            if (b != null) { t.newEnterprises++; if (everyNew != null) everyNew.accept(b); }
            if (a == null) t.added++;
            if (b == null) t.removed++;
            List<Change> ch = changes(a, b);
            if (!ch.isEmpty()) {
                t.count(ch);
                listener.changed(a, b, ch);
            }
            if (a != null) o = oldIn.next();
            if (b != null) n = newIn.next();
        }
        return t;
    }

    /** Counts per measure and overall. */
    public static final class Totals {
        public long oldEnterprises, newEnterprises, added, removed, changedEnterprises;
        /** per measure: new, gone, NEEDS_INFO→ELIGIBLE, ELIGIBLE→NEEDS_INFO, amount changed, eligible amount Δ */
        public final Map<String, long[]> byMeasure = new TreeMap<>();

        void count(List<Change> ch) {
            changedEnterprises++;
            for (Change c : ch) {
                long[] m = byMeasure.computeIfAbsent(c.measureId(), k -> new long[6]);
                switch (c.kind()) {
                    case NEW -> m[0]++;
                    case GONE -> m[1]++;
                    case CHANGED -> {
                        if (c.statusChanged()) m[c.now().eligible() ? 2 : 3]++;
                        if (c.amountChanged()) m[4]++;
                    }
                }
                m[5] += eligibleAmount(c.now()) - eligibleAmount(c.old());
            }
        }

        private static long eligibleAmount(PushRecord.Item i) {
            return i == null || !i.eligible() || i.amountYuan() == null ? 0 : i.amountYuan();
        }

        public boolean empty() { return changedEnterprises == 0; }

        /** The summary for people. */
        public String toChinese(Catalogue cat) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("变化比对：旧结果 %,d 户，新结果 %,d 户；新增企业 %,d 户，移出企业 %,d 户；有变化的企业 %,d 户%n",
                    oldEnterprises, newEnterprises, added, removed, changedEnterprises));
            if (byMeasure.isEmpty()) return sb.append("没有变化。\n").toString();
            sb.append('\n').append("  ").append(pad("措施", 44, false));
            for (String h : new String[]{"新增享受", "不再享受", "补充→可享", "可享→补充", "金额变化"}) sb.append(' ').append(pad(h, 10, true));
            sb.append(' ').append(pad("可享金额增减（元）", 18, true)).append('\n');
            long[] sum = new long[6];
            List<Map.Entry<String, long[]>> rows = new ArrayList<>(byMeasure.entrySet());
            rows.sort((x, y) -> Long.compare(total(y.getValue()), total(x.getValue())));
            for (var e : rows) {
                long[] v = e.getValue();
                for (int i = 0; i < 6; i++) sum[i] += v[i];
                Measure m = cat.get(e.getKey());
                sb.append(String.format("  %-44s %,10d %,10d %,10d %,10d %,10d %,18d%n", e.getKey(), v[0], v[1], v[2], v[3], v[4], v[5]));
                if (m != null) sb.append("    ").append(m.title()).append('\n');
            }
            sb.append(String.format("  %-44s %,10d %,10d %,10d %,10d %,10d %,18d%n", "合计", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]));
            return sb.toString();
        }

        /** Pads to a terminal width, a CJK character counting two columns. */
        private static String pad(String s, int width, boolean right) {
            int w = 0;
            for (int i = 0; i < s.length(); i++) w += s.charAt(i) >= 0x1100 ? 2 : 1;
            String fill = " ".repeat(Math.max(0, width - w));
            return right ? fill + s : s + fill;
        }

        private static long total(long[] v) { return v[0] + v[1] + v[2] + v[3] + v[4]; }
    }

    /** Writes each changed enterprise as one JSON line (docs/push.md). */
    public static final class JsonLinesWriter implements Listener, AutoCloseable {
        private final JsonGenerator g;

        public JsonLinesWriter(OutputStream out) throws IOException {
            g = new JsonFactory().createGenerator(out);
            g.setRootValueSeparator(null);
        }

        @Override
        public void changed(PushRecord old, PushRecord now, List<Change> changes) throws IOException {
            PushRecord r = now != null ? now : old;
            g.writeStartObject();
            g.writeStringField("uscc", r.uscc());
            g.writeStringField("name", r.name());
            g.writeStringField("enterprise", old == null ? "ADDED" : now == null ? "REMOVED" : "CHANGED");
            g.writeArrayFieldStart("changes");
            for (Change c : changes) {
                g.writeStartObject();
                g.writeStringField("measureId", c.measureId());
                g.writeStringField("change", c.kind().name());
                if (c.old() != null) {
                    g.writeStringField("oldStatus", c.old().status().name());
                    amount(g, "oldAmountYuan", c.old().amountYuan());
                }
                if (c.now() != null) {
                    g.writeStringField("status", c.now().status().name());
                    amount(g, "amountYuan", c.now().amountYuan());
                    if (c.now().status() == Grant.Status.NEEDS_INFO) {
                        g.writeArrayFieldStart("missing");
                        for (String s : c.now().missing()) g.writeString(s);
                        g.writeEndArray();
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }

        private static void amount(JsonGenerator g, String f, Long v) throws IOException {
            if (v == null) g.writeNullField(f); else g.writeNumberField(f, v);
        }

        @Override public void close() throws IOException { g.close(); }
    }
}
