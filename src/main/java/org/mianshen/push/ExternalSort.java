package org.mianshen.push;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts a JSON Lines batch output by uscc with bounded memory: runs of at most {@code budgetChars} characters are
 * sorted in memory and written to temporary files, then merged (one line per run in memory). Ties keep input order
 * (the diff then reports the repeated uscc). The same order as {@code LC_ALL=C sort}, since every output form starts
 * a line with {@code {"uscc":"…"}.
 */
public final class ExternalSort {
    /** ~64 M characters per run: with Java's strings ~130-200 MB of heap while a run is sorted. */
    public static final long DEFAULT_BUDGET = 64L << 20;

    private ExternalSort() {}

    /** Writes {@code in} sorted to a new temporary file in {@code tmpDir} and returns it; the caller deletes it. */
    public static Path sort(Path in, Path tmpDir, long budgetChars) throws IOException {
        List<Path> runs = new ArrayList<>();
        try {
            try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
                List<String[]> buf = new ArrayList<>();
                long chars = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank()) continue;
                    buf.add(new String[]{ResultReader.usccOf(line), line});
                    chars += line.length();
                    if (chars >= budgetChars) { runs.add(writeRun(buf, tmpDir)); buf.clear(); chars = 0; }
                }
                if (!buf.isEmpty() || runs.isEmpty()) runs.add(writeRun(buf, tmpDir));
            }
            if (runs.size() == 1) return runs.remove(0);
            Path out = Files.createTempFile(tmpDir, "mianshen-sorted-", ".jsonl");
            merge(runs, out);
            return out;
        } finally {
            for (Path p : runs) Files.deleteIfExists(p);
        }
    }

    private static Path writeRun(List<String[]> buf, Path tmpDir) throws IOException {
        buf.sort(Comparator.comparing(a -> a[0]));   // List.sort is stable: ties keep input order
        Path p = Files.createTempFile(tmpDir, "mianshen-run-", ".jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (String[] a : buf) { w.write(a[1]); w.write('\n'); }
        }
        return p;
    }

    private record Head(String key, String line, int run, BufferedReader reader) {}

    private static void merge(List<Path> runs, Path out) throws IOException {
        PriorityQueue<Head> q = new PriorityQueue<>(Comparator.comparing(Head::key).thenComparingInt(Head::run));
        List<BufferedReader> readers = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < runs.size(); i++) {
                BufferedReader r = Files.newBufferedReader(runs.get(i), StandardCharsets.UTF_8);
                readers.add(r);
                String l = r.readLine();
                if (l != null) q.add(new Head(ResultReader.usccOf(l), l, i, r));
            }
            while (!q.isEmpty()) {
                Head h = q.poll();
                w.write(h.line());
                w.write('\n');
                String l = h.reader().readLine();
                if (l != null) q.add(new Head(ResultReader.usccOf(l), l, h.run(), h.reader()));
            }
        } finally {
            for (BufferedReader r : readers) r.close();
        }
    }
}
