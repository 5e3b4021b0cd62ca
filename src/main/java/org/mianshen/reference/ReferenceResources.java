package org.mianshen.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Package-private helpers: read bundled reference resources (class loader, UTF-8) and split simple CSV lines. */
final class ReferenceResources {

    private ReferenceResources() {
    }

    /** Opens {@code reference/<name>} through the class loader as a UTF-8 reader; fails loudly if absent. */
    static BufferedReader open(String name) {
        String path = "reference/" + name;
        ClassLoader cl = ReferenceResources.class.getClassLoader();
        InputStream in = cl == null ? ClassLoader.getSystemResourceAsStream(path) : cl.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + path);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Reads a bundled CSV with a header line; returns data rows (header dropped, blank lines skipped). Each row is
     * checked to have exactly {@code columns} fields.
     */
    static List<String[]> readCsv(String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = open(name)) {
            String header = stripBom(r.readLine());
            if (header == null) {
                throw new IllegalStateException("reference/" + name + ": empty file");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = splitCsvLine(line);
                if (f.length != columns) {
                    throw new IllegalStateException("reference/" + name + ":" + lineNo + ": expected " + columns
                            + " fields, got " + f.length);
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading reference/" + name, e);
        }
        return rows;
    }

    static String readAll(String name) {
        try (Reader r = open(name)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return stripBom(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading reference/" + name, e);
        }
    }

    static String stripBom(String s) {
        return s != null && !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /**
     * Splits one CSV line (RFC 4180 subset: double-quoted fields, "" escapes, no embedded newlines). Unquoted fields
     * are stripped of surrounding whitespace.
     *
     * @throws IllegalArgumentException on an unterminated quote or text after a closing quote
     */
    static String[] splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            StringBuilder f = new StringBuilder();
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        f.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated quoted field");
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("unexpected text after closing quote");
                }
                out.add(f.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    i++;
                }
                out.add(line.substring(start, i).strip());
            }
            if (i >= n) {
                break;
            }
            i++; // skip comma
            if (i == n) {
                out.add("");
                break;
            }
        }
        return out.toArray(new String[0]);
    }
}
