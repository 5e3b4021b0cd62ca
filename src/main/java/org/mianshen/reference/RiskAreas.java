package org.mianshen.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Epidemic 中/高风险地区 designations, as supplied by the operator in a CSV file (there is no bundled national data
 * set). Used by relief measures that depend on whether a county or its prefecture had medium/high-risk areas in a year.
 *
 * <p>File format (UTF-8, optional BOM): header {@code regionCode,level,from,to}; one designation per line;
 * {@code regionCode} is a 6-digit county, 4-digit prefecture or 2-digit province code (not validated against
 * {@link Regions}: retired codes are allowed); {@code level} is MEDIUM or HIGH; {@code from}/{@code to} are ISO dates,
 * both inclusive, with from ≤ to. Blank lines and lines starting with '#' are ignored. Real designations were usually
 * at street/community level: the operator records them under the containing county.
 *
 * <p>{@link #none()} means "no data loaded": every query answers null (unknown), never false.
 * Instances are immutable and thread-safe.
 */
public final class RiskAreas {

    /** Designation level. */
    public enum Level {
        /** 中风险 */ MEDIUM,
        /** 高风险 */ HIGH
    }

    /** One designation: region code (2, 4 or 6 digits), level, inclusive date range. */
    public record Designation(String regionCode, Level level, LocalDate from, LocalDate to) {
        boolean overlapsYear(int year) {
            return !from.isAfter(LocalDate.of(year, 12, 31)) && !to.isBefore(LocalDate.of(year, 1, 1));
        }
    }

    private static final RiskAreas NONE = new RiskAreas(null);

    private final List<Designation> designations; // null = not loaded

    private RiskAreas(List<Designation> designations) {
        this.designations = designations == null ? null : List.copyOf(designations);
    }

    /** No data: all queries return null. */
    public static RiskAreas none() {
        return NONE;
    }

    /**
     * Loads a designation CSV.
     *
     * @throws IllegalArgumentException "file:line: message" on a bad header or row
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static RiskAreas load(Path file) {
        List<Designation> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = ReferenceResources.stripBom(r.readLine());
            if (header == null || !header.strip().replace(" ", "").equals("regionCode,level,from,to")) {
                throw new IllegalArgumentException(file + ":1: header must be 'regionCode,level,from,to', got '"
                        + header + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                out.add(parseRow(file, lineNo, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return new RiskAreas(out);
    }

    private static Designation parseRow(Path file, int lineNo, String line) {
        String where = file + ":" + lineNo + ": ";
        String[] f;
        try {
            f = ReferenceResources.splitCsvLine(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        }
        if (f.length != 4) {
            throw new IllegalArgumentException(where + "expected 4 fields (regionCode,level,from,to), got " + f.length);
        }
        String code = f[0];
        if (!(Regions.isDigits(code, 2) || Regions.isDigits(code, 4) || Regions.isDigits(code, 6))) {
            throw new IllegalArgumentException(where + "regionCode must be 2, 4 or 6 digits, got '" + code + "'");
        }
        Level level;
        try {
            level = Level.valueOf(f[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "level must be MEDIUM or HIGH, got '" + f[1] + "'");
        }
        LocalDate from = date(where, "from", f[2]);
        LocalDate to = date(where, "to", f[3]);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(where + "to " + to + " is before from " + from);
        }
        return new Designation(code, level, from, to);
    }

    private static LocalDate date(String where, String name, String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + name + " must be an ISO date (yyyy-mm-dd), got '" + s + "'");
        }
    }

    /** True when data was loaded (possibly an empty file, which then answers FALSE everywhere). */
    public boolean loaded() {
        return designations != null;
    }

    /** The loaded designations (empty for {@link #none()}). */
    public List<Designation> designations() {
        return designations == null ? List.of() : designations;
    }

    /**
     * Whether the county, or a larger area containing it (its prefecture or province), had a designation overlapping
     * the calendar year. Null when not {@link #loaded()}; with a null county, FALSE only if no designation at all
     * overlaps the year, else null.
     *
     * @throws IllegalArgumentException if county6 is non-null and not 6 digits
     */
    public Boolean countyDesignatedIn(String county6, int year) {
        return query(county6, year, false);
    }

    /**
     * Whether the county's prefecture had a designation overlapping the calendar year: a designation of the prefecture
     * itself, of any county inside it, or of its whole province. Null when not {@link #loaded()}; with a null county,
     * FALSE only if no designation at all overlaps the year, else null.
     *
     * @throws IllegalArgumentException if county6 is non-null and not 6 digits
     */
    public Boolean prefectureDesignatedIn(String county6, int year) {
        return query(county6, year, true);
    }

    private Boolean query(String county6, int year, boolean prefectureWide) {
        if (designations == null) {
            return null;
        }
        if (county6 != null && !Regions.isDigits(county6, 6)) {
            throw new IllegalArgumentException("county code must be 6 digits, got '" + county6 + "'");
        }
        boolean anyInYear = false;
        for (Designation d : designations) {
            if (!d.overlapsYear(year)) {
                continue;
            }
            anyInYear = true;
            if (county6 == null) {
                continue;
            }
            String c = d.regionCode();
            boolean contains = county6.startsWith(c); // province, prefecture or the county itself
            boolean insidePrefecture = prefectureWide && c.length() == 6 && c.startsWith(county6.substring(0, 4));
            if (contains || insidePrefecture) {
                return Boolean.TRUE;
            }
        }
        if (county6 == null) {
            return anyInYear ? null : Boolean.FALSE;
        }
        return Boolean.FALSE;
    }
}
