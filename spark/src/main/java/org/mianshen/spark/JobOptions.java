package org.mianshen.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The job's command line (docs/spark.md). Parsed by hand: it runs under spark-submit, whose own options come
 * before the jar, and it has few options.
 */
public record JobOptions(String input, String format, String output, LocalDate asOf, String partitionBy,
                         Path rulesDir, boolean withBundled, String query, String table, Map<String, String> readerOptions,
                         int partitions, int chunkSize, boolean overwrite, String master, boolean quiet, String cache) {

    /** A bad option: the message says which, what was given and what is expected (exit code 2). */
    public static final class BadOption extends Exception {
        public BadOption(String message) { super(message); }
    }

    public static final String USAGE = """
            Usage: spark-submit --class org.mianshen.spark.MatchJob mianshen-spark.jar --input PATH --output DIR [options]
              --input PATH          registry: a file or directory (any Hadoop path: hdfs://, s3a://, …), a table name
                                    (--format table) or a JDBC URL (--format jdbc)
              --format F            jsonl | csv | parquet | orc | table | jdbc (default: from the input's extension;
                                    a directory: parquet)
              --output DIR          writes DIR/entitlements (Parquet, partitioned), DIR/measures, DIR/rejects, DIR/summary.json
              --as-of DATE          evaluation date yyyy-mm-dd (default: today)
              --partition-by P      jurisdiction (default) | measure | none
              --rules DIR           an author's rule tree (read on the driver, shipped to the executors) instead of the
                                    bundled rules in the jar; --with-bundled adds the bundled ones
              --query SQL | --table NAME   with --format jdbc (credentials: PGUSER / PGPASSWORD, or --option user=…)
              --option KEY=VALUE    a Spark reader option (repeatable), e.g. partitionColumn=…, numPartitions=8, fetchsize=1000
              --partitions N        repartition the input into N partitions (default: at least the default parallelism)
              --chunk-size N        profiles per fireAllRules (default 250, as batch)
              --cache memory|disk   where the matched rows are kept between the outputs (default memory, spilling to
                                    disk; disk keeps the executors' heap for matching)
              --overwrite           replace an existing output (default: refuse)
              --master URL          only when not run by spark-submit, e.g. local[2]
              -q                    no summary on stderr
            """;

    public static JobOptions parse(String... args) throws BadOption {
        String input = null, format = null, output = null, partitionBy = "jurisdiction", query = null, table = null, master = null;
        String cache = "memory";
        LocalDate asOf = LocalDate.now();
        Path rules = null;
        boolean withBundled = false, overwrite = false, quiet = false;
        int partitions = 0, chunk = 250;
        Map<String, String> reader = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--input" -> input = value(args, ++i, a);
                case "--format" -> format = value(args, ++i, a).toLowerCase(Locale.ROOT);
                case "--output" -> output = value(args, ++i, a);
                case "--as-of" -> {
                    String v = value(args, ++i, a);
                    try { asOf = LocalDate.parse(v); }
                    catch (DateTimeParseException e) { throw new BadOption("--as-of " + v + ": expected a date yyyy-mm-dd"); }
                }
                case "--partition-by" -> {
                    partitionBy = value(args, ++i, a);
                    if (!partitionBy.equals("jurisdiction") && !partitionBy.equals("measure") && !partitionBy.equals("none"))
                        throw new BadOption("--partition-by " + partitionBy + ": expected jurisdiction, measure or none");
                }
                case "--rules" -> rules = Path.of(value(args, ++i, a));
                case "--with-bundled" -> withBundled = true;
                case "--query" -> query = value(args, ++i, a);
                case "--table" -> table = value(args, ++i, a);
                case "--option" -> {
                    String v = value(args, ++i, a);
                    int eq = v.indexOf('=');
                    if (eq <= 0) throw new BadOption("--option " + v + ": expected KEY=VALUE");
                    String k = v.substring(0, eq);
                    if (k.equalsIgnoreCase("password"))
                        throw new BadOption("--option password=…: a password on the command line is visible to every user of the machine; use PGPASSWORD");
                    reader.put(k, v.substring(eq + 1));
                }
                case "--partitions" -> partitions = positive(args, ++i, a);
                case "--chunk-size" -> chunk = positive(args, ++i, a);
                case "--overwrite" -> overwrite = true;
                case "--cache" -> {
                    cache = value(args, ++i, a);
                    if (!cache.equals("memory") && !cache.equals("disk")) throw new BadOption("--cache " + cache + ": expected memory or disk");
                }
                case "--master" -> master = value(args, ++i, a);
                case "-q", "--quiet" -> quiet = true;
                default -> throw new BadOption("unknown option " + a + "\n" + USAGE);
            }
        }
        if (input == null) throw new BadOption("--input is required\n" + USAGE);
        if (output == null) throw new BadOption("--output is required\n" + USAGE);
        if (format == null) format = formatOf(input);
        if (withBundled && rules == null) throw new BadOption("--with-bundled needs --rules DIR");
        if (format.equals("jdbc") && input.contains("password="))
            throw new BadOption("--input: no password in the JDBC URL (it would be visible in ps); use PGPASSWORD");
        return new JobOptions(input, format, output, asOf, partitionBy, rules, withBundled, query, table, reader, partitions,
                chunk, overwrite, master, quiet, cache);
    }

    /** By extension; {@code jdbc:…} is JDBC; a path without a known extension (a directory of part files) is Parquet. */
    static String formatOf(String input) {
        String n = input.toLowerCase(Locale.ROOT);
        if (n.startsWith("jdbc:")) return "jdbc";
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return "jsonl";
        if (n.endsWith(".csv")) return "csv";
        if (n.endsWith(".orc")) return "orc";
        return "parquet";
    }

    private static String value(String[] args, int i, String option) throws BadOption {
        if (i >= args.length) throw new BadOption(option + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i, String option) throws BadOption {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) { }
        throw new BadOption(option + " " + v + ": expected a whole number > 0");
    }
}
