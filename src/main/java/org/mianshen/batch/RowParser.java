package org.mianshen.batch;

import org.mianshen.io.CsvProfiles;
import org.mianshen.io.InputError;
import org.mianshen.io.ProfileReader;

/** Parses and validates one raw input row, JSON Lines or CSV, into a profile. Thread-safe. */
public final class RowParser {
    private static final ProfileReader READER = new ProfileReader();
    private final CsvProfiles csv;

    /** @param csv the CSV header mapping, or null for JSON Lines */
    public RowParser(CsvProfiles csv) { this.csv = csv; }

    public ProfileReader.Read parse(String raw) throws InputError {
        return csv == null ? READER.read(raw) : READER.read(csv.toJson(raw));
    }
}
