package org.mianshen.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.mianshen.batch.Summary;
import org.mianshen.engine.RuleEngine;
import org.mianshen.engine.RuleTreeException;
import org.mianshen.io.Json;
import org.mianshen.model.Measure;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * The registry matched on a Spark cluster: the engine, rules and results of {@code batch}, one task per partition
 * (docs/spark.md).
 *
 * <pre>
 * spark-submit --class org.mianshen.spark.MatchJob mianshen-spark.jar \
 *     --input registry.parquet --output out/ --as-of 2022-06-30
 * </pre>
 *
 * Writes {@code out/entitlements} (Parquet, one row per enterprise × entitlement in the registry contract,
 * partitioned by jurisdiction or measure), {@code out/measures} (the constant data of every measure: title, basis,
 * validity — join on {@code measure_id}), {@code out/rejects} (bad rows with the field and the reason) and, last,
 * {@code out/summary.json} (the {@code batch --summary} report): a run without {@code summary.json} did not complete.
 * Exit codes as {@code batch}: 0 done (even with rejects), 2 bad option, input or rule tree, 1 internal error.
 */
public final class MatchJob {
    private MatchJob() {}

    public static void main(String[] args) {
        JobOptions o;
        try {
            o = JobOptions.parse(args);
        } catch (JobOptions.BadOption e) {
            System.err.println("mianshen spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder b = SparkSession.builder().appName("mianshen match as of " + o.asOf());
        if (o.master() != null) b = b.master(o.master());
        SparkSession spark = b.getOrCreate();
        int code = 0;
        try {
            run(spark, o, System.err);
        } catch (JobOptions.BadOption e) {
            System.err.println("mianshen spark: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("mianshen spark: internal error: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs the job on {@code spark}; returns the summary (also written to {@code OUTPUT/summary.json}). */
    public static Summary.Report run(SparkSession spark, JobOptions o, PrintStream err) throws JobOptions.BadOption, IOException {
        Rules rules;
        try {
            rules = o.rulesDir() == null ? Rules.bundled(o.asOf()) : Rules.fromDirectory(o.asOf(), o.rulesDir(), o.withBundled());
        } catch (IOException e) {
            throw new JobOptions.BadOption("--rules " + o.rulesDir() + ": " + e.getMessage());
        }
        RuleEngine engine;
        try {
            // built here first: a rule tree that does not compile fails before any executor starts
            engine = rules.engine();
        } catch (RuleTreeException e) {
            throw new JobOptions.BadOption("--rules " + o.rulesDir() + " does not compile:\n" + e.getMessage());
        }

        Path out = new Path(o.output());
        FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(out)) {
            if (!o.overwrite()) throw new JobOptions.BadOption("--output " + o.output() + " exists (--overwrite replaces it)");
            fs.delete(out, true);
        }
        long t0 = System.nanoTime();
        ProfileInput.Read in = ProfileInput.read(spark, o);
        for (String w : in.warnings()) err.println("mianshen spark: warning: " + w);

        Dataset<Row> rows = in.rows();
        int parallelism = spark.sparkContext().defaultParallelism();
        // a file smaller than a split is one partition: spread it so every core matches
        if (o.partitions() > 0) rows = rows.repartition(o.partitions());
        else if (rows.rdd().getNumPartitions() < parallelism) rows = rows.repartition(parallelism);

        // one pass over the registry gives entitlements, rejects and the counts; kept (memory, then disk) so the
        // three outputs and the summary do not match the registry again
        Dataset<Row> matched = rows.mapPartitions(new PartitionMatcher(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(rules), in.shape(), o.chunkSize(), jurisdictions(engine.catalogue())),
                Encoders.row(Output.SCHEMA))
                .persist(o.cache().equals("disk") ? StorageLevel.DISK_ONLY() : StorageLevel.MEMORY_AND_DISK());
        try {
            measures(spark, engine, o).write().parquet(child(o, "measures"));
            long t1 = System.nanoTime();

            Dataset<Row> ent = matched.filter(col("kind").equalTo(Output.ENTITLEMENT));
            List<Column> cols = new ArrayList<>();
            for (String c : Output.ENTITLEMENT_COLUMNS) cols.add(col(c));
            switch (o.partitionBy()) {
                case "jurisdiction" -> {
                    cols.add(col("jurisdiction"));
                    ent.select(cols.toArray(Column[]::new)).write().partitionBy("jurisdiction").parquet(child(o, "entitlements"));
                }
                case "measure" -> ent.select(cols.toArray(Column[]::new)).write().partitionBy("measure_id").parquet(child(o, "entitlements"));
                default -> ent.select(cols.toArray(Column[]::new)).write().parquet(child(o, "entitlements"));
            }
            long t2 = System.nanoTime();
            String rejects = child(o, "rejects");
            matched.filter(col("kind").equalTo(Output.REJECT)).select(Arrays.stream(Output.REJECT_COLUMNS).map(c -> col(c)).toArray(Column[]::new))
                    .write().parquet(rejects);
            long t3 = System.nanoTime();
            Summary.Report report = RunSummary.of(matched, engine.catalogue(), o, rejects, parallelism, (System.nanoTime() - t0) / 1e9);
            long t4 = System.nanoTime();
            // last: its presence says the run completed
            try (FSDataOutputStream s = fs.create(new Path(out, "summary.json"), true)) {
                Json.MAPPER.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValue((java.io.OutputStream) s, report);
                s.write('\n');
            }
            if (!o.quiet()) {
                err.print(report.toChinese());
                // where the run's time went (docs/spark.md, Sizing): the matching happens while entitlements are written
                err.printf("分阶段用时：读取规则与输入、写 measures %.1f 秒；匹配并写 entitlements %.1f 秒；写 rejects %.1f 秒；汇总 %.1f 秒%n",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
            }
            return report;
        } finally {
            matched.unpersist();
        }
    }

    private static String child(JobOptions o, String name) {
        return o.output().endsWith("/") ? o.output() + name : o.output() + "/" + name;
    }

    /** Jurisdiction prefixes of the rule tree, longest first (as batch's summary labels enterprises). */
    static String[] jurisdictions(List<Measure> catalogue) {
        TreeSet<String> set = new TreeSet<>();
        for (Measure m : catalogue) if (m.jurisdiction() != null && !m.jurisdiction().isEmpty()) set.add(m.jurisdiction());
        List<String> l = new ArrayList<>(set);
        l.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return l.toArray(String[]::new);
    }

    static final StructType MEASURES = new StructType()
            .add("measure_id", DataTypes.StringType, false).add("family", DataTypes.StringType).add("delivery", DataTypes.StringType)
            .add("title", DataTypes.StringType).add("benefit_type", DataTypes.StringType).add("document", DataTypes.StringType)
            .add("doc_number", DataTypes.StringType).add("article", DataTypes.StringType).add("authority", DataTypes.StringType)
            .add("source", DataTypes.StringType).add("jurisdiction", DataTypes.StringType).add("valid_from", DataTypes.DateType)
            .add("valid_to", DataTypes.DateType).add("valid_to_basis", DataTypes.StringType).add("standing_law", DataTypes.StringType)
            .add("doc_status", DataTypes.StringType).add("confirm", new ArrayType(DataTypes.StringType, false))
            .add("in_force", DataTypes.BooleanType).add("as_of", DataTypes.DateType);

    /** The measures table: the constant data of every measure of the catalogue (as batch --db's measures table). */
    static Dataset<Row> measures(SparkSession spark, RuleEngine engine, JobOptions o) {
        List<Row> rows = new ArrayList<>();
        java.sql.Date asOf = java.sql.Date.valueOf(o.asOf());
        for (Measure m : engine.catalogue())
            rows.add(RowFactory.create(m.id(), m.family(), m.delivery() == null ? null : m.delivery().name(), m.title(),
                    m.benefitType(), m.doc(), m.docNumber(), m.article(), m.authority(), m.source(), m.jurisdiction(),
                    m.validFrom() == null ? null : java.sql.Date.valueOf(m.validFrom()),
                    m.validTo() == null ? null : java.sql.Date.valueOf(m.validTo()),
                    m.validToBasis() == null ? null : m.validToBasis().name(), m.standingLaw(),
                    m.docStatus() == null ? null : m.docStatus().name(),
                    m.confirm() == null || m.confirm().isEmpty() ? null : PartitionMatcher.seq(m.confirm()), m.inForce(o.asOf()), asOf));
        return spark.createDataFrame(rows, MEASURES).coalesce(1);
    }
}
