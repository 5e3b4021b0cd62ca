package org.mianshen.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mianshen.io.Json;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code OUTPUT.checkpoint}: how far a file-to-file batch run has durably got, written beside the output after the
 * output and rejects written so far were flushed and synced, to a temporary file renamed over the last one (so a
 * power loss leaves the old or the new checkpoint, never half of one). {@code --resume} truncates the partial output
 * and rejects to the recorded lengths, seeks the input to the recorded offset and goes on; the counts of the summary
 * travel with it. The run key (rules, as-of, options that shape the output) must match or the resume is refused.
 *
 * @param key         what the output depends on: a resume with any other value is refused
 * @param inputOffset bytes of input consumed by the chunks written (a record boundary)
 * @param nextLine    the input line the next record starts at
 * @param rows        input rows done (written + rejected)
 * @param outputLength  bytes of output written (preamble included)
 * @param rejectsLength bytes of rejects written
 * @param elapsedSeconds time spent by the earlier attempts, so the summary's rate covers the whole run
 */
@JsonPropertyOrder({"version", "key", "inputOffset", "nextLine", "rows", "written", "rejected", "outputLength", "rejectsLength",
        "elapsedSeconds", "tally"})
public record Checkpoint(int version, Key key, long inputOffset, long nextLine, long rows, long written, long rejected,
                         long outputLength, long rejectsLength, double elapsedSeconds, Counts tally) {
    static final int VERSION = 1;

    /** Everything the output bytes depend on, besides the input rows themselves. */
    @JsonPropertyOrder({"input", "inputSize", "rules", "asOf", "contract", "format", "rejects", "riskAreas"})
    public record Key(String input, long inputSize, String rules, String asOf, String contract, String format, String rejects,
                      String riskAreas) {
        /** The first difference, for people, or null when the keys match. */
        String differenceFrom(Key run) {
            if (!rules.equals(run.rules)) return "the rules changed since the run started (rules " + shortHash(rules) + ", now " + shortHash(run.rules) + ")";
            if (!asOf.equals(run.asOf)) return "the run was started with --as-of " + asOf + ", not " + run.asOf;
            if (!contract.equals(run.contract)) return "the run was started with the " + contract + " contract, not " + run.contract
                    + " (" + flag(contract) + ")";
            if (!format.equals(run.format)) return "the run was started writing " + format + ", not " + run.format;
            if (!java.util.Objects.equals(rejects, run.rejects)) return "the run was started with --rejects " + (rejects == null ? "(none)" : rejects)
                    + ", not " + (run.rejects == null ? "(none)" : run.rejects);
            if (!riskAreas.equals(run.riskAreas)) return "the run was started with other --risk-areas designations";
            if (!input.equals(run.input)) return "the run was started on input " + input + ", not " + run.input;
            if (inputSize != run.inputSize) return "the input " + input + " changed since the run started (" + inputSize
                    + " bytes then, " + run.inputSize + " now)";
            return null;
        }

        private static String flag(String contract) {
            return switch (contract) { case "full" -> "--full"; case "compact" -> "--compact"; default -> "neither --full nor --compact"; };
        }

        private static String shortHash(String h) { return h.length() > 12 ? h.substring(0, 12) : h; }
    }

    /** The summary's counters as of the checkpoint: every counter of {@link Summary.Tally} by name. */
    public record Counts(Map<String, Object> counters) {
        static Counts of(Summary.Tally t) { return new Counts(t.counterValues()); }

        void addTo(Summary.Tally t) { t.addCounterValues(counters); }
    }

    /** The checkpoint of an output: {@code out.jsonl} → {@code out.jsonl.checkpoint}. */
    public static Path beside(Path output) { return output.resolveSibling(output.getFileName() + ".checkpoint"); }

    /** The partial output a resumable run writes: {@code .out.jsonl.resume.partial}. */
    static Path partial(Path target) { return target.resolveSibling("." + target.getFileName() + ".resume.partial"); }

    /** Writes atomically: temporary file, fsync, rename. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
            out.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            out.write('\n');
            out.getFD().sync();
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the checkpoint and the temporary file a kill during its replacement may have left. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
        Files.deleteIfExists(file);
    }

    static Checkpoint read(Path file) throws IOException {
        try {
            Checkpoint c = Json.MAPPER.readValue(Files.readAllBytes(file), Checkpoint.class);
            if (c.version() != VERSION) throw new IOException(file + ": checkpoint version " + c.version() + ", expected " + VERSION);
            return c;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not a batch checkpoint (" + e.getOriginalMessage() + ")");
        }
    }
}
