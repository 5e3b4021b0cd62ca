package org.mianshen.batch.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the database is and who we are there. The JDBC URL names the server and the database only:
 * the user comes from {@code --db-user} or {@code PGUSER}, the password from {@code --db-password-file}
 * or {@code PGPASSWORD}, never from the command line (a password in the URL is refused) and never printed.
 */
public final class Db {
    private final String url;
    private final String user;
    private final String password;

    private Db(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Checks the URL and reads the credentials; {@code env} is the process environment (tests pass their own). */
    public static Db of(String url, String user, Path passwordFile, Map<String, String> env) throws IllegalArgumentException {
        if (url == null || !url.startsWith("jdbc:postgresql:"))
            throw new IllegalArgumentException("--db: a PostgreSQL JDBC URL, e.g. jdbc:postgresql://host:5432/registry");
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || Pattern.compile("//[^/@?]*:[^/@?]*@").matcher(url).find())
            throw new IllegalArgumentException("--db: no password in the URL (it would be visible to every user of the machine): "
                    + "set PGPASSWORD or use --db-password-file FILE");
        String u = user != null ? user : env.get("PGUSER");
        String p;
        if (passwordFile != null) {
            try {
                p = Files.readString(passwordFile).lines().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("--db-password-file: " + passwordFile + " cannot be read");
            }
        } else p = env.get("PGPASSWORD");
        return new Db(url, u, p);
    }

    /** A new connection (the caller closes it). */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("ApplicationName", "mianshen batch");
        return DriverManager.getConnection(url, props);
    }

    /** The URL without its parameters, for messages and the summary. */
    public String display() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** An SQL error for people: state and message (the driver never puts the password in either). */
    public static String message(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        return e.getSQLState() == null ? m : m + " [SQLSTATE " + e.getSQLState() + "]";
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** A table name as given (optionally schema-qualified); anything else would be SQL, which is refused. */
    public static String table(String option, String name) {
        if (name == null || !NAME.matcher(name).matches())
            throw new IllegalArgumentException(option + ": a table name (letters, digits, _; optionally schema.table), not " + name);
        return name;
    }
}
