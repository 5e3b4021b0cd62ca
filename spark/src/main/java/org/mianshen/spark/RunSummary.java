package org.mianshen.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mianshen.batch.Summary;
import org.mianshen.reference.Regions;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The run's summary, the same report as {@code batch --summary} (docs/batch.md, same JSON fields and Chinese text),
 * from three small aggregations over the matched rows (so no accumulators: a retried task cannot count twice).
 */
final class RunSummary {
    private RunSummary() {}

    static Summary.Report of(Dataset<Row> rows, JobOptions o, String rejectsPath, int threads, double seconds) {
        Map<String, long[]> jurisdiction = new HashMap<>();   // enterprises, with warnings
        for (Row r : rows.filter(col("kind").isin(Output.ENTITLEMENT, Output.NOTHING).and(col("rank").isNull().or(col("rank").equalTo(1))))
                .groupBy("jurisdiction")
                .agg(count(lit(1)), sum(when(col("warnings").gt(0), 1).otherwise(0)))
                .collectAsList())
            jurisdiction.put(label(r.getString(0)), new long[]{r.getLong(1), r.getLong(2)});

        Map<String, long[]> family = new HashMap<>();        // eligible, needsInfo, eligible amount, needsInfo amount
        Map<String, long[]> measure = new HashMap<>();       // eligible, needsInfo
        long eligible = 0, needsInfo = 0;
        for (Row r : rows.filter(col("kind").equalTo(Output.ENTITLEMENT))
                .groupBy("family", "measure_id", "status")
                .agg(count(lit(1)), sum(coalesce(col("amount_yuan"), lit(0L))))
                .collectAsList()) {
            boolean ok = "ELIGIBLE".equals(r.getString(2));
            long n = r.getLong(3), amount = r.isNullAt(4) ? 0 : r.getLong(4);
            long[] f = family.computeIfAbsent(r.getString(0), k -> new long[4]);
            f[ok ? 0 : 1] += n;
            f[ok ? 2 : 3] += amount;
            measure.computeIfAbsent(r.getString(1), k -> new long[2])[ok ? 0 : 1] += n;
            if (ok) eligible += n; else needsInfo += n;
        }

        Map<String, Long> rejectedByField = new TreeMap<>();
        long rejected = 0;
        for (Row r : rows.filter(col("kind").equalTo(Output.REJECT)).groupBy("field").count().collectAsList()) {
            String field = r.isNullAt(0) || r.getString(0).isEmpty() ? "(row)" : r.getString(0).replaceAll("\\[\\d+]", "[]");
            rejectedByField.merge(field, r.getLong(1), Long::sum);
            rejected += r.getLong(1);
        }

        long matched = 0, withWarnings = 0;
        for (long[] v : jurisdiction.values()) { matched += v[0]; withWarnings += v[1]; }
        Map<String, Summary.Report.FamilyCount> fam = new LinkedHashMap<>();
        family.entrySet().stream().sorted(byCount(e -> e.getValue()[0] + e.getValue()[1]))
                .forEach(e -> fam.put(e.getKey(), new Summary.Report.FamilyCount(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])));
        Map<String, Summary.Report.MeasureCount> mea = new LinkedHashMap<>();
        measure.entrySet().stream().sorted(byCount(e -> e.getValue()[0] + e.getValue()[1]))
                .forEach(e -> mea.put(e.getKey(), new Summary.Report.MeasureCount(e.getValue()[0], e.getValue()[1])));
        Map<String, Long> jur = new LinkedHashMap<>();
        jurisdiction.entrySet().stream().sorted(byCount(e -> e.getValue()[0])).forEach(e -> jur.put(e.getKey(), e.getValue()[0]));
        long rowsRead = matched + rejected;
        return new Summary.Report(true, o.input(), o.output(), rejectsPath, String.valueOf(o.asOf()), threads, rowsRead, matched,
                rejected, rejectedByField, withWarnings, eligible + needsInfo, eligible, needsInfo, fam, mea, jur,
                Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(rowsRead / seconds) : 0, null);
    }

    /** As batch labels a jurisdiction: "4107 河南省新乡市", 全国（其他地区）, 未提供 regionCode. */
    static String label(String code) {
        if (code == null || code.equals("unknown")) return "未提供 regionCode";
        if (code.equals("national")) return "全国（其他地区）";
        String n = Regions.describe(code);
        return code + " " + (n == null ? "" : n);
    }

    private static <K> Comparator<Map.Entry<K, long[]>> byCount(java.util.function.ToLongFunction<Map.Entry<K, long[]>> f) {
        return Comparator.<Map.Entry<K, long[]>>comparingLong(f).reversed().thenComparing(e -> String.valueOf(e.getKey()));
    }

}
