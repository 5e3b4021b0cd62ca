package org.mianshen.batch.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.mianshen.batch.BatchSink;
import org.mianshen.batch.BatchSource;
import org.mianshen.batch.ChunkOutput;
import org.mianshen.batch.ResultFormat;
import org.mianshen.batch.Summary;
import org.mianshen.engine.ResultAssembler;
import org.mianshen.io.Json;
import org.mianshen.model.Measure;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * Results to PostgreSQL tables: one row per enterprise × entitlement ({@code --to-table}), the rejects,
 * the run's measures and its row in {@code runs}. Each chunk — its entitlement rows (COPY), its rejects
 * and the run's progress ({@code rows_done}, counts, the last row's key) — is one transaction, so the
 * tables always hold whole chunks and say how far the run got: a killed run resumed with the same
 * {@code --run-id} skips the rows already committed and ends with exactly one run's rows. Re-running a
 * completed run id replaces its rows. Chunks arrive in input order ({@link #needsInputOrder()}).
 */
public final class DbSink implements BatchSink {
    /** What a run is: its id, date, rules, query and tables. */
    public record Run(String runId, LocalDate asOf, String rulesHash, String rulesOrigin, String query, String table,
                      String rejectsTable, List<Measure> catalogue) {}

    /** How the run starts: from row 0, or resuming after {@code skip} rows whose last key was {@code lastKey}. */
    public record Start(long skip, String lastKey, boolean resumed, boolean replaced) {}

    private final Connection c;
    private final Run run;
    private final Start start;
    private final String copySql;
    private DbSource source;
    private Thread writer;
    private long rowsDone, with, without, rejected, entitlementRows;
    private final long pauseMs = Long.getLong("mianshen.db.pauseAfterChunkMs", 0);  // tests: a run slow enough to kill

    private DbSink(Connection c, Run run, Start start, long[] totals) {
        this.c = c;
        this.run = run;
        this.start = start;
        this.rowsDone = totals[0]; this.with = totals[1]; this.without = totals[2]; this.rejected = totals[3];
        this.entitlementRows = totals[4];
        this.copySql = "COPY " + run.table() + " (" + CopyFormat.COLUMNS + ") FROM STDIN";
    }

    /**
     * Creates the tables when missing and starts, resumes or replaces the run in {@code runs} (one transaction).
     * A run id whose unfinished run had another as-of, rule set, query or table is refused.
     */
    public static DbSink open(Connection c, Run run) throws BatchSource.OpenError {
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String ddl : DbSchema.ddl(run.table(), run.rejectsTable())) st.execute(ddl);
            }
            c.commit();
            long[] totals = new long[5];
            Start start;
            try (PreparedStatement ps = c.prepareStatement("SELECT completed, as_of, rules_hash, source, to_table, rejects_table, rows_done, last_key, "
                    + "enterprises_with, enterprises_without, rejected, entitlement_rows FROM runs WHERE run_id = ? FOR UPDATE")) {
                ps.setString(1, run.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        insertRun(c, run);
                        start = new Start(0, null, false, false);
                    } else if (rs.getBoolean(1)) {
                        // a completed run re-run: its rows are replaced, in this transaction
                        for (String t : new String[]{rs.getString(5), rs.getString(6)}) {
                            try (PreparedStatement d = c.prepareStatement("DELETE FROM " + Db.table("table", t) + " WHERE run_id = ?")) {
                                d.setString(1, run.runId());
                                d.executeUpdate();
                            }
                        }
                        try (PreparedStatement d = c.prepareStatement("DELETE FROM runs WHERE run_id = ?")) {   // measures cascade
                            d.setString(1, run.runId());
                            d.executeUpdate();
                        }
                        insertRun(c, run);
                        start = new Start(0, null, false, true);
                    } else {
                        String differs = !rs.getObject(2, LocalDate.class).equals(run.asOf()) ? "as-of " + rs.getObject(2, LocalDate.class)
                                : !rs.getString(3).equals(run.rulesHash()) ? "rule set (hash " + rs.getString(3).substring(0, 12) + "…)"
                                : !rs.getString(4).equals(run.query()) ? "query (" + rs.getString(4) + ")"
                                : !rs.getString(5).equals(run.table()) ? "table " + rs.getString(5)
                                : !rs.getString(6).equals(run.rejectsTable()) ? "rejects table " + rs.getString(6) : null;
                        if (differs != null)
                            throw new BatchSource.OpenError("run " + run.runId() + " was started with another " + differs
                                    + " and is not completed: resume it with the same options, or give a new --run-id");
                        for (int i = 0; i < 5; i++) totals[i] = rs.getLong(i == 0 ? 7 : 8 + i);
                        start = new Start(totals[0], rs.getString(8), true, false);
                        try (PreparedStatement u = c.prepareStatement("UPDATE runs SET attempts = attempts + 1 WHERE run_id = ?")) {
                            u.setString(1, run.runId());
                            u.executeUpdate();
                        }
                    }
                }
            }
            c.commit();
            // A chunk's rows and the run's progress are one transaction, so a chunk lost by a server crash is lost
            // whole and redone on resume: the chunks need not wait for their WAL flush. The end of the run does.
            try (Statement st = c.createStatement()) { st.execute("SET synchronous_commit = off"); }
            return new DbSink(c, run, start, totals);
        } catch (SQLException e) {
            try { c.rollback(); c.close(); } catch (SQLException ignored) { }
            throw new BatchSource.OpenError("database: " + Db.message(e));
        } catch (BatchSource.OpenError e) {
            try { c.rollback(); c.close(); } catch (SQLException ignored) { }
            throw e;
        }
    }

    private static void insertRun(Connection c, Run run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (run_id, as_of, rules_hash, rules_origin, source, to_table, "
                + "rejects_table, started) VALUES (?, ?, ?, ?, ?, ?, ?, now())")) {
            ps.setString(1, run.runId());
            ps.setObject(2, run.asOf());
            ps.setString(3, run.rulesHash());
            ps.setString(4, run.rulesOrigin());
            ps.setString(5, run.query());
            ps.setString(6, run.table());
            ps.setString(7, run.rejectsTable());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO measures (run_id, measure_id, family, delivery, title, benefit_type, "
                + "document, doc_number, article, authority, source, jurisdiction, valid_from, valid_to, valid_to_basis, standing_law, "
                + "doc_status, confirm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            for (Measure m : run.catalogue()) {
                int i = 1;
                ps.setString(i++, run.runId());
                ps.setString(i++, m.id());
                ps.setString(i++, m.family());
                ps.setString(i++, m.delivery() == null ? null : m.delivery().name());
                ps.setString(i++, m.title());
                ps.setString(i++, m.benefitType());
                ps.setString(i++, m.doc());
                ps.setString(i++, m.docNumber());
                ps.setString(i++, m.article());
                ps.setString(i++, m.authority());
                ps.setString(i++, m.source());
                ps.setString(i++, m.jurisdiction());
                ps.setObject(i++, m.validFrom());
                ps.setObject(i++, m.validTo());
                ps.setString(i++, m.validToBasis() == null ? null : m.validToBasis().name());
                ps.setString(i++, m.standingLaw());
                ps.setString(i++, m.docStatus() == null ? null : m.docStatus().name());
                try { ps.setString(i, m.confirm() == null || m.confirm().isEmpty() ? null : CopyFormat.json(m.confirm())); }
                catch (IOException e) { throw new SQLException(e); }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Where the run starts (the source skips {@code skip} rows). */
    public Start start() { return start; }

    /** The source whose row keys the sink records (the key of the last row of each chunk, the rejects' keys). */
    public DbSink keysFrom(DbSource s) { this.source = s; return this; }

    @Override public ResultFormat format() { return new CopyFormat(run.runId()); }

    /** Only what differs per enterprise: the measures' constant data is in the measures table. */
    @Override public ResultAssembler.Detail detail() { return ResultAssembler.Detail.COMPACT; }

    @Override public boolean needsInputOrder() { return true; }

    @Override public void begin() { writer = Thread.currentThread(); }

    @Override
    public void write(ChunkOutput.Done d) throws IOException {
        try {
            int lines = 0;
            byte[] out = d.out();
            if (out.length > 0) {
                CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
                try {
                    copy.writeToCopy(out, 0, out.length);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) copy.cancelCopy();
                }
                for (byte b : out) if (b == '\n') lines++;
            }
            if (d.rejects() != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + run.rejectsTable()
                        + " (run_id, row_no, key, field, value, reason, raw) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    var it = Json.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(d.rejects());
                    while (it.hasNext()) {
                        JsonNode r = it.next();
                        long rowNo = r.get("line").asLong();
                        ps.setString(1, run.runId());
                        ps.setLong(2, rowNo);
                        ps.setString(3, source == null ? null : source.keyOf(rowNo));
                        ps.setString(4, r.path("field").asText());
                        ps.setString(5, r.hasNonNull("value") ? r.get("value").asText() : null);
                        ps.setString(6, r.path("reason").asText());
                        ps.setString(7, r.path("raw").asText().stripTrailing());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            int none = d.none(), withRows = d.written() - none;
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET rows_done = rows_done + ?, last_key = ?, "
                    + "enterprises_with = enterprises_with + ?, enterprises_without = enterprises_without + ?, rejected = rejected + ?, "
                    + "entitlement_rows = entitlement_rows + ? WHERE run_id = ? AND rows_done = ? AND NOT completed")) {
                ps.setLong(1, d.rows());
                ps.setString(2, source == null ? null : source.keyOf(d.lastLine()));
                ps.setLong(3, withRows);
                ps.setLong(4, none);
                ps.setLong(5, d.rejected());
                ps.setLong(6, lines);
                ps.setString(7, run.runId());
                ps.setLong(8, rowsDone);
                if (ps.executeUpdate() != 1)
                    throw new IOException("run " + run.runId() + " was changed by another process while this one wrote it (rows_done is no longer "
                            + rowsDone + "); this process stops, its last chunk not committed");
            }
            c.commit();
            rowsDone += d.rows(); with += withRows; without += none; rejected += d.rejected(); entitlementRows += lines;
            if (pauseMs > 0) Thread.sleep(pauseMs);
        } catch (SQLException e) {
            try { c.rollback(); } catch (SQLException ignored) { }
            throw new IOException("database: " + Db.message(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void commit(Summary.Report report, boolean publish) throws IOException {
        if (!publish) throw new IllegalStateException("--fail-on-reject is not supported with --db");
        try (Statement st = c.createStatement()) { st.execute("SET LOCAL synchronous_commit = on"); }
        catch (SQLException e) { throw new IOException("database: " + Db.message(e), e); }
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET completed = true, ended = now(), summary = ?::jsonb WHERE run_id = ? AND rows_done = ?")) {
            ps.setString(1, Json.MAPPER.writeValueAsString(report));
            ps.setString(2, run.runId());
            ps.setLong(3, rowsDone);
            if (ps.executeUpdate() != 1) throw new IOException("run " + run.runId() + " was changed by another process");
            c.commit();
        } catch (SQLException e) {
            try { c.rollback(); } catch (SQLException ignored) { }
            throw new IOException("database: " + Db.message(e), e);
        } finally {
            close();
        }
    }

    @Override
    public void abort() {
        // From a shutdown hook the writer may be inside a transaction: the server rolls it back when the process ends.
        if (Thread.currentThread() != writer && writer != null) return;
        try { c.rollback(); } catch (SQLException ignored) { }
        close();
    }

    private void close() {
        try { c.close(); } catch (SQLException ignored) { }
    }

    @Override public String name() { return "table " + run.table() + " (run " + run.runId() + ")"; }

    @Override public String rejectsName() { return "table " + run.rejectsTable(); }

    @Override public String leftBehind() {
        return String.format("%,d", rowsDone) + " rows of run " + run.runId() + " are committed in " + run.table()
                + "; run the same command with --run-id " + run.runId() + " to resume";
    }

    @Override public String closingLine() {
        return "run " + run.runId() + (start.resumed() ? " (resumed after row " + start.skip() + ")" : start.replaced() ? " (replaced)" : "")
                + " completed: rows in " + String.format("%,d", rowsDone) + " = enterprises with entitlements " + String.format("%,d", with)
                + " + entitled to nothing " + String.format("%,d", without) + " + rejected " + String.format("%,d", rejected)
                + "; " + String.format("%,d", entitlementRows) + " rows in " + run.table() + ", rejects in " + run.rejectsTable();
    }

    /** Totals of the run so far (all sessions): rows done, with, without, rejected, entitlement rows. */
    public long[] totals() { return new long[]{rowsDone, with, without, rejected, entitlementRows}; }
}
