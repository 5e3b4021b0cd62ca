package org.mianshen.batch.db;

import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.BatchSource;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;

import java.io.PrintWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * {@code batch --db}: the batch pipeline with a query as its source and tables as its sink. Opens the
 * sink first (it knows whether the run resumes and after which row), then the query, then runs the
 * same {@link BatchRunner} the files go through.
 */
public final class DbBatch {
    /** What the database run reads and writes. {@code runId} null = a new id. */
    public record Target(Db db, String query, String table, String rejectsTable, String runId, String key, int fetchSize) {}

    /** The run's outcome and the line for people about the run's totals in the database (null when it did not complete). */
    public record Outcome(BatchRunner.Result result, String runId, String closingLine) {}

    private DbBatch() {}

    public static Outcome run(RuleEngine engine, BatchRunner.Options o, Target t, PrintWriter err) {
        String runId = t.runId() != null ? t.runId()
                : "run-" + o.asOf() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        DbSink.Run run = new DbSink.Run(runId, o.asOf(), rulesHash(engine), engine.origin(), t.query(), t.table(), t.rejectsTable(),
                engine.catalogue());
        DbSink sink;
        DbSource source;
        try {
            sink = DbSink.open(connect(t.db()), run);
            DbSink.Start s = sink.start();
            int window = (o.threads() * 2 + 4) * o.chunkSize();
            try {
                source = DbSource.open(connect(t.db()), t.db().display(), t.query(), t.key(), t.fetchSize(), s.skip(), s.lastKey(), window);
            } catch (BatchSource.OpenError e) {
                sink.abort();
                throw e;
            }
            sink.keysFrom(source);
            if (s.resumed()) err.println("mianshen batch: resuming run " + runId + " after row " + String.format("%,d", s.skip()));
            else if (s.replaced()) err.println("mianshen batch: run " + runId + " was completed before: its rows are replaced");
            else if (t.runId() == null) err.println("mianshen batch: run " + runId + " (to resume it if it is stopped: --run-id " + runId + ")");
            err.flush();
        } catch (BatchSource.OpenError e) {
            return new Outcome(new BatchRunner.Result(BatchRunner.BAD_INPUT, null, e.getMessage(), 0), runId, null);
        }
        BatchRunner.Result r = new BatchRunner(engine, o, err).from(source).to(sink).run();
        return new Outcome(r, runId, r.exitCode() == BatchRunner.OK ? sink.closingLine() : null);
    }

    private static Connection connect(Db db) throws BatchSource.OpenError {
        try {
            return db.connect();
        } catch (SQLException e) {
            throw new BatchSource.OpenError("cannot connect to " + db.display() + ": " + Db.message(e));
        }
    }

    /** SHA-256 of the loaded catalogue: every measure's metadata, conditions, file and line. */
    public static String rulesHash(RuleEngine engine) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Json.MAPPER.writeValueAsBytes(engine.catalogue()));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
