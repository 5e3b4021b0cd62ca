package org.mianshen.batch;

import org.mianshen.model.MatchResult;
import org.mianshen.model.Measure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code batch}'s summary tally for a pipeline that runs elsewhere (the Spark job, docs/spark.md): each partition fills
 * one with exactly the calls {@code MatchingProcessor} makes, ships it as bytes, and the driver merges them and makes
 * the same {@link Summary.Report} as {@code batch --summary}. So the summary is computed by one piece of code for
 * both. The bytes carry every counter of {@link Summary.Tally} (its {@code long} and {@code Map} fields, found by
 * reflection so a counter added there travels without a change here).
 */
public final class PortableTally {
    private final Summary.Tally tally;

    public PortableTally(List<Measure> catalogue) { this.tally = new Summary.Tally(new Summary.Jurisdictions(catalogue)); }

    /** A matched profile; {@code regionCode} as batch passes it ({@code Enterprise.regionForJurisdiction()}). */
    public void matched(MatchResult r, String regionCode) { tally.matched(r, regionCode); }

    /** A rejected row and the field named in the reject. */
    public void rejected(String field) { tally.rejected(field); }

    public void add(PortableTally other) { tally.add(other.tally); }

    public long matched() { return tally.matched; }

    public long rejected() { return tally.rejected; }

    /** The report {@code batch --summary} writes, for a completed run. */
    public Summary.Report report(String input, String output, String rejectsFile, String asOf, int threads, double seconds) {
        return Summary.report(true, input, output, rejectsFile, asOf, threads, tally.matched + tally.rejected, tally, seconds, null);
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(new HashMap<>(tally.counterValues()));
            o.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("summary tally: " + e, e);
        }
    }

    /** A tally from {@link #toBytes()}, merged into a fresh one for {@code catalogue}. */
    @SuppressWarnings("unchecked")
    public static PortableTally fromBytes(byte[] bytes, List<Measure> catalogue) {
        PortableTally t = new PortableTally(catalogue);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            t.tally.addCounterValues((Map<String, Object>) in.readObject());
            return t;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("summary tally: " + e, e);
        }
    }
}
