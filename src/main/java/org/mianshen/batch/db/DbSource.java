package org.mianshen.batch.db;

import org.mianshen.batch.BatchSource;
import org.mianshen.batch.RowParser;
import org.mianshen.io.CsvProfiles;
import org.mianshen.io.InputError;
import org.mianshen.io.Json;
import org.mianshen.io.RecordCutter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry read from a query, streamed: autocommit off and a fetch size, so PostgreSQL's driver reads
 * through a server-side cursor ({@code fetchSize} rows at a time) and memory stays flat whatever the
 * table size. Columns are named after the profile contract (docs/database.md); each row is handed to
 * the pipeline as one CSV record under a header of the column names, so a database row is checked
 * exactly as a CSV row is (an empty cell — SQL NULL — is unknown; list fields hold JSON arrays:
 * {@code jsonb}, {@code json} or JSON text; {@code text[]} becomes a JSON array).
 * Records are numbered by their row number in the query's result (1, 2, …).
 */
public final class DbSource implements BatchSource {
    private final String name;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rs;
    private final int columns, keyColumn;
    private final RowParser parser;
    private final List<String> warnings = new ArrayList<>();
    private final String[] keys;              // key of row r at keys[r % keys.length] (the sink reads it)
    private final StringBuilder line = new StringBuilder(1024);
    private long row;                         // rows read so far (skipped ones included)
    private long bytes;

    private DbSource(String name, Connection c, Statement st, ResultSet rs, RowParser parser, int columns, int keyColumn,
                     int keyWindow) {
        this.name = name;
        this.connection = c;
        this.statement = st;
        this.rs = rs;
        this.parser = parser;
        this.columns = columns;
        this.keyColumn = keyColumn;
        this.keys = new String[Math.max(keyWindow, 1024)];
    }

    /**
     * Runs {@code query} on {@code c} (which it owns and closes) with a server-side cursor and skips the first
     * {@code skip} rows (a resumed run); the key of row {@code skip} must be {@code expectKey}, or the query
     * does not return its rows in the order the interrupted run saw (it needs an ORDER BY on a unique key).
     *
     * @param keyWindow how many rows may be between the reader and the sink (in-flight chunks × chunk size)
     */
    public static DbSource open(Connection c, String name, String query, String key, int fetchSize, long skip,
                                String expectKey, int keyWindow) throws OpenError {
        Statement st = null;
        try {
            c.setAutoCommit(false);                       // the driver uses a cursor only inside a transaction
            c.setReadOnly(true);
            st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            st.setFetchSize(fetchSize);
            ResultSet rs = st.executeQuery(query);
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] header = new String[n];
            int keyColumn = -1;
            for (int i = 0; i < n; i++) {
                String label = md.getColumnLabel(i + 1);
                if (label.equals(key) || label.equalsIgnoreCase(key)) keyColumn = i;
                header[i] = FIELDS.getOrDefault(normal(label), label);
            }
            CsvProfiles csv;
            try {
                csv = new CsvProfiles(CsvProfiles.writeRow(header).strip());
            } catch (InputError e) {
                throw new OpenError("the query's columns " + java.util.Arrays.toString(header) + " cannot be a registry: " + e.getMessage()
                        + " (name the columns after the profile fields: docs/database.md)");
            }
            if (keyColumn < 0) throw new OpenError("the query has no key column " + key + " (--key)");
            DbSource s = new DbSource(name, c, st, rs, new RowParser(csv), n, keyColumn, keyWindow);
            if (!csv.unknownColumns().isEmpty())
                s.warnings.add("columns " + csv.unknownColumns() + " are not profile fields and are ignored (see `mianshen schema`)");
            if (skip > 0) s.skip(skip, expectKey);
            return s;
        } catch (SQLException e) {
            close(c, st);
            throw new OpenError("the query failed: " + Db.message(e));
        } catch (OpenError e) {
            close(c, st);
            throw e;
        }
    }

    private void skip(long n, String expectKey) throws SQLException, OpenError {
        String last = null;
        while (row < n) {
            if (!rs.next())
                throw new OpenError("the query now returns " + row + " rows, fewer than the " + n + " the interrupted run had already written");
            row++;
            if (row == n) last = rs.getString(keyColumn + 1);
        }
        if (expectKey != null && !expectKey.equals(last))
            throw new OpenError("the query does not return its rows in the order the interrupted run saw them (row " + n + " was "
                    + expectKey + ", now " + last + "): give it an ORDER BY on a unique key, e.g. ORDER BY uscc");
    }

    /** Profile field names by their normal form: PostgreSQL folds unquoted names to lower case, and SQL prefers snake_case. */
    private static final java.util.Map<String, String> FIELDS = new java.util.HashMap<>();
    static { for (String f : CsvProfiles.profileHeader()) FIELDS.put(normal(f), f); }

    /** entity_type, entitytype, ENTITY_TYPE, entityType → entitytype. */
    static String normal(String column) { return column.replace("_", "").toLowerCase(java.util.Locale.ROOT); }

    /** The key (e.g. uscc) of row {@code rowNo}, while it is within the window of rows in flight. */
    public String keyOf(long rowNo) { return keys[(int) (rowNo % keys.length)]; }

    @Override public String name() { return name; }
    @Override public RowParser parser() { return parser; }
    @Override public List<String> warnings() { return warnings; }

    @Override
    public boolean next(RecordCutter.Sink sink) throws IOException {
        try {
            if (!rs.next()) return false;
            row++;
            line.setLength(0);
            for (int i = 0; i < columns; i++) {
                if (i > 0) line.append(',');
                String v = cell(rs.getObject(i + 1));
                if (i == keyColumn) keys[(int) (row % keys.length)] = v;
                if (v != null) quote(v);
            }
            byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
            bytes += b.length;
            sink.record(b, 0, b.length, row);
            return true;
        } catch (SQLException e) {
            throw new IOException(Db.message(e), e);
        }
    }

    /** A column value as the CSV contract writes it ({@link org.mianshen.io.CsvCell}); SQL arrays as JSON arrays. */
    static String cell(Object o) throws SQLException {
        if (o instanceof Array a) {
            try { return Json.MAPPER.writeValueAsString(a.getArray()); }
            catch (com.fasterxml.jackson.core.JsonProcessingException e) { throw new SQLException("array column: " + e.getMessage()); }
            finally { a.free(); }
        }
        return org.mianshen.io.CsvCell.of(o);
    }

    private void quote(String v) {
        boolean q = false;
        for (int i = 0; i < v.length() && !q; i++) {
            char ch = v.charAt(i);
            q = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!q) { line.append(v); return; }
        line.append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"') line.append('"');
            line.append(ch);
        }
        line.append('"');
    }

    @Override public long bytesConsumed() { return bytes; }
    @Override public long nextLine() { return row + 1; }

    @Override public void close() { close(connection, statement); }

    private static void close(Connection c, Statement st) {
        try { if (st != null) st.close(); } catch (SQLException ignored) { }
        try { c.rollback(); } catch (SQLException ignored) { }
        try { c.close(); } catch (SQLException ignored) { }
    }
}
