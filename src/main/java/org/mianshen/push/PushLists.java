package org.mianshen.push;

import org.mianshen.model.Delivery;
import org.mianshen.model.Grant;
import org.mianshen.model.Measure;
import org.mianshen.reference.Regions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The push lists (docs/push.md): per measure with beneficiaries one list for the responsible authority, every
 * entitlement on the list of its primary measure (so each ELIGIBLE/NEEDS_INFO entitlement is on exactly one list),
 * and an index {@code 00-index} with one row per measure. Lists are opened when their first row comes and written
 * row by row: memory holds the open files, not the rows.
 *
 * <p>Each list starts with {@link #PREAMBLE_ROWS} rows naming the measure once — title, tier and authority, legal
 * basis, validity, what the bureau must confirm — then the header row, then one row per enterprise.
 * With {@code since} (push --since OLD) the lists hold only the changes and start with a 变化 column; an enterprise
 * no longer entitled is listed with its old status and amount.
 */
public final class PushLists implements AutoCloseable {
    public static final int PREAMBLE_ROWS = 6;
    public static final String INDEX = "00-index";
    static final List<String> HEADER = List.of("统一社会信用代码", "企业名称", "地区代码", "地区", "状态", "金额（元）", "需补充的信息", "其他依据措施");

    private final Path dir;
    private final Catalogue cat;
    private final boolean csv, xlsx, since;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Map<String, String> regionNames = new HashMap<>();

    private static final class Open {
        final ListFile file;
        final String fileName;
        long rows, eligible, needsInfo, eligibleAmount, needsInfoAmount, gone;
        Open(ListFile f, String name) { file = f; fileName = name; }
    }

    public PushLists(Path dir, Catalogue cat, boolean csv, boolean xlsx, boolean since) {
        this.dir = dir; this.cat = cat; this.csv = csv; this.xlsx = xlsx; this.since = since;
    }

    /** Every entitlement of the enterprise onto its measure's list. */
    public void add(PushRecord r) throws IOException {
        for (PushRecord.Item i : r.items()) write(r, i, null);
    }

    /** push --since: only the changes. */
    public void add(PushRecord old, PushRecord now, List<Diff.Change> changes) throws IOException {
        PushRecord r = now != null ? now : old;
        for (Diff.Change c : changes) {
            String what = switch (c.kind()) {
                case NEW -> "新增享受";
                case GONE -> "不再享受";
                case CHANGED -> c.statusChanged() && c.amountChanged() ? "状态和金额变化"
                        : c.statusChanged() ? (c.now().eligible() ? "补充信息后可享受" : "转为需补充信息") : "金额变化";
            };
            write(r, c.now() != null ? c.now() : c.old(), what + (c.kind() == Diff.Kind.CHANGED ? "（原：" + status(c.old().status()) + (c.amountChanged() ? "，" + amountText(c.old().amountYuan()) : "") + "）" : ""));
            if (c.kind() == Diff.Kind.GONE) open.get(c.measureId()).gone++;
        }
    }

    private void write(PushRecord r, PushRecord.Item i, String change) throws IOException {
        Open o = open.get(i.measureId());
        if (o == null) { o = start(cat.require(i.measureId(), r.uscc())); open.put(i.measureId(), o); }
        List<Object> cells = new ArrayList<>(HEADER.size() + 1);
        if (since) cells.add(change);
        cells.add(r.uscc());
        cells.add(r.name());
        cells.add(r.regionCode());
        cells.add(r.regionCode() == null ? null : regionNames.computeIfAbsent(r.regionCode(), k -> { String n = Regions.describe(k); return n == null ? "" : n; }));
        cells.add(status(i.status()));
        cells.add(i.amountYuan());
        cells.add(i.missing().isEmpty() ? null : String.join("；", i.missing()));
        cells.add(i.alsoBasedOn().isEmpty() ? null : String.join("；", i.alsoBasedOn()));
        o.file.row(cells);
        o.rows++;
        if (change != null && change.startsWith("不再享受")) return;   // counted in gone, not among beneficiaries
        if (i.eligible()) { o.eligible++; if (i.amountYuan() != null) o.eligibleAmount += i.amountYuan(); }
        else { o.needsInfo++; if (i.amountYuan() != null) o.needsInfoAmount += i.amountYuan(); }
    }

    static String status(Grant.Status s) { return s == Grant.Status.ELIGIBLE ? "可享受" : "需补充信息"; }

    private static String amountText(Long a) { return a == null ? "金额未定" : String.format("%,d 元", a); }

    private Open start(Measure m) throws IOException {
        String name = fileName(m.id());
        ListFile f = new ListFile(dir.resolve(name), csv, xlsx, "名单");
        double[] w = since ? new double[]{24, 22, 40, 10, 24, 12, 14, 40, 40} : new double[]{22, 40, 10, 24, 12, 14, 40, 40};
        f.widths(w);
        f.row(List.of("措施", m.id() + "　" + m.title()), true);
        f.row(List.of("兑现方式", m.delivery().zh() + "；负责机关：" + m.authority()));
        f.row(List.of("法律依据", Catalogue.basisLine(m) + "（原文：" + m.source() + "）"));
        f.row(List.of("有效期", Catalogue.validity(m)));
        f.row(List.of("须确认事项", m.confirm().isEmpty() ? "无" : String.join("；", m.confirm())));
        f.row(List.of("说明", since ? "本名单只列与上次运行相比的变化" : "每户一行；金额为政策规定可计算的金额，空白表示按实际核定"));
        List<Object> h = new ArrayList<>();
        if (since) h.add("变化");
        h.addAll(HEADER);
        f.row(h, true);
        return new Open(f, name);
    }

    /** A measure id as a file name (ids are slugs; anything else becomes _). */
    static String fileName(String id) { return id.replaceAll("[^A-Za-z0-9._-]", "_"); }

    /** One row of the index. */
    public record IndexRow(String measureId, String title, Delivery delivery, String authority, String basis, String validity,
                           long rows, long eligible, long needsInfo, long eligibleAmount, long needsInfoAmount, long gone, String file) {}

    /** Closes every list and writes the index; returns its rows (tier, then beneficiaries, descending). */
    public List<IndexRow> finish() throws IOException {
        List<IndexRow> rows = new ArrayList<>();
        for (var e : open.entrySet()) {
            Open o = e.getValue();
            o.file.close();
            Measure m = cat.get(e.getKey());
            rows.add(new IndexRow(m.id(), m.title(), m.delivery(), m.authority(), Catalogue.basisLine(m), Catalogue.validity(m),
                    o.rows, o.eligible, o.needsInfo, o.eligibleAmount, o.needsInfoAmount, o.gone, o.fileName));
        }
        open.clear();
        rows.sort(Comparator.comparing(IndexRow::delivery).thenComparing(Comparator.comparingLong(IndexRow::rows).reversed())
                .thenComparing(IndexRow::measureId));
        try (ListFile idx = new ListFile(dir.resolve(INDEX), csv, xlsx, "索引")) {
            idx.widths(40, 50, 12, 40, 60, 30, 10, 10, 10, 16, 16, 10, 40);
            List<Object> h = new ArrayList<>(Arrays.asList("措施编号", "措施名称", "兑现方式", "负责机关", "法律依据", "有效期",
                    since ? "变化（行）" : "惠及企业（户）", "可享受", "需补充信息", "可享受金额合计（元）", "需补充信息金额合计（元）"));
            if (since) h.add("不再享受");
            h.add("名单文件");
            idx.row(h, true);
            for (IndexRow r : rows) {
                List<Object> c = new ArrayList<>(Arrays.asList(r.measureId(), r.title(), r.delivery().zh(), r.authority(), r.basis(), r.validity(),
                        r.rows(), r.eligible(), r.needsInfo(), r.eligibleAmount(), r.needsInfoAmount()));
                if (since) c.add(r.gone());
                c.add(r.file());
                idx.row(c);
            }
        }
        return rows;
    }

    @Override
    public void close() {
        for (Open o : open.values()) { try { o.file.close(); } catch (IOException ignored) { } }
        open.clear();
    }
}
