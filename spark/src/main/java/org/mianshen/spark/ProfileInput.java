package org.mianshen.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mianshen.io.CsvProfiles;
import org.mianshen.io.InputError;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

/**
 * The registry read through Spark's own readers and brought to the profile contract.
 *
 * <ul>
 *   <li><b>JSON Lines</b> are read with Spark's text reader, one line a profile, and each line is checked by the
 *       same {@code ProfileReader} as {@code batch}. (Spark's JSON reader would infer one schema for all rows and
 *       turn a value of the wrong type into a null — an unknown fact — instead of a reject.)</li>
 *   <li><b>CSV</b>, <b>Parquet</b>, <b>ORC</b>, a <b>catalog table</b> (Hive) and <b>JDBC</b> give columns. They are
 *       matched to the profile fields by name ignoring case and underscores ({@code entity_type} = {@code entityType},
 *       as {@code batch --db} does); columns that are no profile field are dropped and reported. Each row then
 *       becomes one CSV record under those field names and is checked exactly as a CSV row of {@code batch}
 *       (empty or null = unknown; list fields are JSON arrays: a nested array or struct column is written as JSON,
 *       a string column must hold JSON text, {@code designations} may be {@code HIGH_TECH|TECH_SME}).</li>
 * </ul>
 */
public final class ProfileInput {
    /** The internal column Spark's CSV reader puts a malformed line in (wrong number of cells, bad quoting). */
    static final String CORRUPT = "_corrupt_record";

    /** What the executors need to turn one input row into a profile: serialisable, no Spark objects. */
    public record Shape(boolean text, String[] header, int keyIndex, int corruptIndex) implements Serializable {
        /** The CSV header of {@link #header} for {@link CsvProfiles}. */
        String headerLine() { return CsvProfiles.writeRow(header).strip(); }
    }

    public record Read(Dataset<Row> rows, Shape shape, List<String> warnings) {}

    private ProfileInput() {}

    /** Reads {@code o.input()} in {@code o.format()}. */
    public static Read read(SparkSession spark, JobOptions o) throws JobOptions.BadOption {
        String f = o.format();
        DataFrameReader r = spark.read().options(o.readerOptions());
        switch (f) {
            case "jsonl" -> {
                Dataset<Row> lines = r.text(o.input());
                // blank lines are not rows (as in batch)
                lines = lines.filter(col("value").isNotNull().and(org.apache.spark.sql.functions.trim(col("value")).notEqual("")));
                return new Read(lines, new Shape(true, null, -1, -1), List.of());
            }
            case "csv" -> {
                // RFC 4180 (as batch): quotes inside a quoted cell are doubled; every cell read as text
                DataFrameReader csv = r.option("header", "true").option("escape", "\"").option("inferSchema", "false")
                        .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT);
                StructType header = spark.read().options(o.readerOptions()).option("header", "true").option("escape", "\"")
                        .option("inferSchema", "false").csv(o.input()).schema();
                return columns(csv.schema(header.add(CORRUPT, DataTypes.StringType)).csv(o.input()));
            }
            case "parquet", "orc" -> { return columns(r.format(f).load(o.input())); }
            case "table" -> { return columns(spark.table(o.input())); }
            case "jdbc" -> {
                DataFrameReader j = r.format("jdbc").option("url", o.input());
                String user = System.getenv("PGUSER"), password = System.getenv("PGPASSWORD");
                if (user != null && !o.readerOptions().containsKey("user")) j = j.option("user", user);
                if (password != null && !o.readerOptions().containsKey("password")) j = j.option("password", password);
                if (o.query() != null) j = j.option("query", o.query());
                else if (o.table() != null) j = j.option("dbtable", o.table());
                else throw new JobOptions.BadOption("--format jdbc needs --query SQL or --table NAME");
                return columns(j.load());
            }
            default -> throw new JobOptions.BadOption("--format " + f + ": expected jsonl, csv, parquet, orc, table or jdbc");
        }
    }

    /** Profile field names by their normal form (lower case, no underscores). */
    private static final Map<String, String> FIELDS = new HashMap<>();
    static { for (String fld : CsvProfiles.profileHeader()) FIELDS.put(normal(fld), fld); }

    static String normal(String column) { return column.replace("_", "").toLowerCase(Locale.ROOT); }

    /** Keeps the profile columns, renders nested ones as JSON text, and records the header for the executors. */
    static Read columns(Dataset<Row> df) throws JobOptions.BadOption {
        List<Column> keep = new ArrayList<>();
        List<String> header = new ArrayList<>(), unknown = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int corrupt = -1;
        for (StructField fld : df.schema().fields()) {
            String name = fld.name();
            if (name.equals(CORRUPT)) { corrupt = keep.size(); keep.add(col(quoted(name))); continue; }
            String field = FIELDS.get(normal(name));
            if (field == null) { unknown.add(name); continue; }
            String before = seen.put(field, name);
            if (before != null) throw new JobOptions.BadOption("columns " + before + " and " + name + " are both the profile field " + field);
            Column c = col(quoted(name));
            if (fld.dataType() instanceof ArrayType || fld.dataType() instanceof StructType || fld.dataType() instanceof MapType) c = to_json(c);
            keep.add(c.as(field));
            header.add(field);
        }
        int key = header.indexOf("uscc");
        if (key < 0) throw new JobOptions.BadOption("the input has no uscc column (columns: " + java.util.Arrays.toString(df.columns())
                + "); name the columns after the profile fields (`mianshen schema`), e.g. uscc, entity_type, employees");
        if (corrupt >= 0) {
            // the corrupt-record column goes last so the profile columns keep their positions
            Column c = keep.remove(corrupt);
            keep.add(c);
            corrupt = keep.size() - 1;
        }
        List<String> warnings = unknown.isEmpty() ? List.of()
                : List.of("columns " + unknown + " are not profile fields and are ignored (see `mianshen schema`)");
        Shape shape = new Shape(false, header.toArray(String[]::new), key, corrupt);
        try {
            new CsvProfiles(shape.headerLine());
        } catch (InputError e) {
            throw new JobOptions.BadOption("the input's columns cannot be a registry: " + e.getMessage());
        }
        return new Read(df.select(keep.toArray(Column[]::new)), shape, warnings);
    }

    private static String quoted(String name) { return "`" + name.replace("`", "``") + "`"; }

    /** A column value as the CSV contract writes it (the same conversion as the database source). */
    static String cell(Object o) { return org.mianshen.io.CsvCell.of(o); }

}
