package org.mianshen.batch.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.RegistryGenerator;
import org.mianshen.engine.RuleEngine;
import org.postgresql.PGConnection;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;

/**
 * Throughput of {@code batch --db} against batch on files, same rows, same JVM, one run (BENCHMARKS.md):
 * for each size, the registry as CSV → batch --compact → JSON Lines file, then the same rows in a PostgreSQL
 * table → batch --db → tables. A real PostgreSQL 16 (embedded, on this machine, sharing its cores).
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.mianshen.batch.db.DbBenchmark 10000 200000</pre>
 */
public final class DbBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mianshen-dbbench");
        RuleEngine engine = RuleEngine.bundledForBatch();
        int threads = Runtime.getRuntime().availableProcessors();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute(Files.readString(Path.of("src/test/resources/db/registry.sql")));
            }
            boolean warm = false;
            for (String a : args) {
                long n = Long.parseLong(a);
                Path csv = dir.resolve("r" + n + ".csv");
                try (var w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    new RegistryGenerator(20220630).write(n, BatchRunner.Format.CSV, w);
                }
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.execute("TRUNCATE registry");
                    String header = Files.newBufferedReader(csv).readLine();
                    String cols = String.join(", ", java.util.Arrays.stream(header.split(",")).map(DbBatchTest::snake).toList());
                    try (Reader r = Files.newBufferedReader(csv)) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY registry (" + cols + ") FROM STDIN WITH (FORMAT csv, HEADER true)", r);
                    }
                    st.execute("VACUUM ANALYZE registry");
                }
                if (!warm) { fileRun(engine, csv, dir.resolve("warm.jsonl"), threads); warm = true; }
                double file = fileRun(engine, csv, dir.resolve("out.jsonl"), threads);
                long outBytes = Files.size(dir.resolve("out.jsonl"));
                Files.delete(dir.resolve("out.jsonl"));
                long t0 = System.nanoTime();
                var o = new BatchRunner.Options("db", null, null, null, LocalDate.of(2022, 6, 30), null, threads, null, null, true, 250, false, false);
                var out = DbBatch.run(engine, o, new DbBatch.Target(Db.of(url, null, null, Map.of()), "select * from registry order by uscc",
                        "entitlements", "entitlements_rejects", "bench-" + n, "uscc", 1000), new PrintWriter(new StringWriter()));
                double db = n / ((System.nanoTime() - t0) / 1e9);
                if (out.result().exitCode() != 0) throw new IllegalStateException(out.result().message());
                long tableBytes;
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                     var rs = st.executeQuery("SELECT pg_total_relation_size('entitlements')")) {
                    rs.next();
                    tableBytes = rs.getLong(1);
                    st.execute("TRUNCATE entitlements");
                }
                System.out.printf("%,d rows: file CSV -> compact JSONL %,.0f rows/s (%,d MB); query -> tables %,.0f rows/s (%,d MB with index); ratio db/file %.2f%n  %s%n",
                        n, file, outBytes >> 20, db, tableBytes >> 20, db / file, out.closingLine());
            }
        }
    }

    static double fileRun(RuleEngine engine, Path csv, Path out, int threads) {
        long n;
        long t0 = System.nanoTime();
        var o = new BatchRunner.Options(csv.toString(), out.toString(), null, null, LocalDate.of(2022, 6, 30), null, threads, null, null,
                true, 250, false, false, true);
        var r = new BatchRunner(engine, o, new PrintWriter(new StringWriter())).run();
        if (r.exitCode() != 0) throw new IllegalStateException(r.message());
        n = r.report().rowsRead();
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
