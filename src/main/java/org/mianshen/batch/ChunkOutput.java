package org.mianshen.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.mianshen.io.InputError;
import org.mianshen.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a worker makes of one chunk: the serialized output of its good rows, the serialized rejects
 * (JSON Lines: line, raw row, field, value, reason) and the counts. Reused by its worker; the
 * writer gets immutable copies in a {@link Done}.
 */
public final class ChunkOutput {
    final ByteArrayBuilder out = new ByteArrayBuilder(1 << 16);
    final ByteArrayBuilder rejects = new ByteArrayBuilder(1 << 10);
    int written, rejected, none;
    private JsonGenerator rej;

    /** The stream the worker serializes its good rows to. */
    public java.io.OutputStream out() { return out; }

    /** Counts one row written to {@link #out()}. */
    public void wrote() { written++; }

    /** Counts one row written whose enterprise is entitled to nothing (also counted by {@link #wrote()}). */
    public void wroteNone() { none++; }

    /** Records a rejected row: its line, raw text, the field and the reason. */
    public void reject(long line, String raw, InputError e) {
        reject(line, raw, e.field() == null || e.field().isEmpty() ? "(row)" : e.field(), e.value(), e.getMessage());
    }

    public void reject(long line, String raw, String field, String value, String reason) {
        try {
            if (rej == null) {
                rej = Json.MAPPER.getFactory().createGenerator(rejects);
                rej.setRootValueSeparator(null);
            }
            rej.writeStartObject();
            rej.writeNumberField("line", line);
            rej.writeStringField("raw", raw);
            rej.writeStringField("field", field);
            if (value != null) rej.writeStringField("value", value);
            rej.writeStringField("reason", reason);
            rej.writeEndObject();
            rej.writeRaw('\n');
            rej.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        rejected++;
    }

    void reset() {
        out.reset();
        rejects.reset();
        written = rejected = none = 0;
    }

    /** Immutable result handed from a worker to the writer. */
    public record Done(long seq, byte[] out, byte[] rejects, int rows, int written, int rejected, int none, long lastLine, long bytesEnd,
                       long nextLine, Summary.Tally tally) {}

    Done done(Chunk c, Summary.Tally tally) {
        return new Done(c.seq, out.toByteArray(), rejects.size() == 0 ? null : rejects.toByteArray(), c.size, written, rejected, none,
                c.size == 0 ? 0 : c.line[c.size - 1], c.bytesEnd, c.nextLine, tally);
    }
}
