package org.mianshen.spark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mianshen.spark.MatchJobEquivalenceTest.AS_OF;

/**
 * A registry in PostgreSQL (a real server, embedded) read through Spark's JDBC reader: snake_case columns,
 * {@code jsonb} list fields, {@code numeric}, {@code date}, {@code boolean}. The rows equal {@code batch}'s on the same
 * registry as CSV.
 */
class MatchJobJdbcTest {
    @Test
    void aPostgresqlRegistryReadThroughSparkGivesBatchsRows(@TempDir Path dir) throws Exception {
        List<String> lines = MatchJobEquivalenceTest.head(MatchJobEquivalenceTest.SAMPLES.resolve("registry-10k.csv"), 301);
        Path csv = dir.resolve("registry.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        MatchJobEquivalenceTest.Batch b = MatchJobEquivalenceTest.batch(csv, dir.resolve("batch"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                // the registry table of docs/database.md
                st.execute(Files.readString(Path.of("..", "src", "test", "resources", "db", "registry.sql")));
                String cols = String.join(", ", Arrays.stream(lines.get(0).split(","))
                        .map(x -> x.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)).toList());
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY registry (" + cols + ") FROM STDIN WITH (FORMAT csv, HEADER true)",
                        new StringReader(String.join("\n", lines) + "\n"));
            }
            SparkSession spark = LocalSpark.session();
            MatchJobEquivalenceTest.spark = spark;     // sparkRows reads the output with it
            Path out = dir.resolve("spark");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            MatchJob.run(spark, JobOptions.parse("--format", "jdbc", "--input", url, "--query", "select * from registry",
                    "--output", out.toString(), "--as-of", AS_OF.toString()), new PrintStream(err, true, StandardCharsets.UTF_8));
            MatchJobEquivalenceTest.assertSameRows(MatchJobEquivalenceTest.sparkRows(out), b.rows());
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("读取 300 行，匹配 300 户，拒收 0 行");
        }
    }
}
