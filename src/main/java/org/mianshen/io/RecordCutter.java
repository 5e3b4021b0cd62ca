package org.mianshen.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a JSON Lines or CSV byte stream into raw records without parsing them, so the one reader
 * thread of a batch stays cheap and the parsing happens in the workers. A record ends at a line
 * feed (a preceding carriage return is dropped); for CSV a line feed inside a double-quoted field
 * does not end the record (RFC 4180: quote parity). A UTF-8 byte-order mark at the start is skipped.
 * Not thread-safe.
 */
public final class RecordCutter {
    private final InputStream in;
    private final boolean csvQuotes;
    private byte[] buf = new byte[1 << 20];
    private int pos, limit;
    private boolean eof, started;
    private long line = 1;          // physical line where the next record starts
    private long bytesConsumed;

    public RecordCutter(InputStream in, boolean csvQuotes) {
        this.in = in;
        this.csvQuotes = csvQuotes;
    }

    /**
     * Continues a cut that stopped at a record boundary: {@code in} is positioned {@code bytesConsumed} bytes into
     * the input, where a record starting at physical line {@code line} begins (a resumed batch run).
     */
    public RecordCutter(InputStream in, boolean csvQuotes, long bytesConsumed, long line) {
        this(in, csvQuotes);
        this.bytesConsumed = bytesConsumed;
        this.line = line;
        this.started = true;          // no byte-order mark in the middle of a file
    }

    /** Receives one record: bytes {@code [off, off+len)} of {@code data}, starting at physical line {@code line}. */
    public interface Sink { void record(byte[] data, int off, int len, long line); }

    /**
     * Reads the next record and hands it to the sink; blank lines are skipped (they are not rows).
     * Returns false at the end of the input. A last record without a final line feed is returned too.
     * For CSV, an unterminated quoted field at the end of the input is returned as a record (the
     * worker rejects it as malformed).
     */
    public boolean next(Sink sink) throws IOException {
        if (!started) { started = true; fill(); skipBom(); }
        while (true) {
            int scan = pos;
            boolean inQuotes = false;
            int newlines = 0;
            int end = -1;
            while (true) {
                for (; scan < limit; scan++) {
                    byte b = buf[scan];
                    if (b == '\n') {
                        if (!inQuotes) { end = scan; break; }
                        newlines++;
                    } else if (b == '"' && csvQuotes) inQuotes = !inQuotes;
                }
                if (end >= 0 || eof) break;
                // need more bytes: compact or grow, then continue scanning where we stopped
                int consumedScan = scan - pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                } else if (limit == buf.length) {
                    byte[] bigger = new byte[buf.length * 2];
                    System.arraycopy(buf, 0, bigger, 0, limit);
                    buf = bigger;
                }
                scan = consumedScan;
                fill();
            }
            int recEnd = end >= 0 ? end : limit;
            if (recEnd == pos && end < 0) return false; // nothing left
            int len = recEnd - pos;
            int contentLen = len;
            if (contentLen > 0 && buf[pos + contentLen - 1] == '\r') contentLen--;
            long startLine = line;
            line += newlines + (end >= 0 ? 1 : 0);
            int start = pos;
            pos = end >= 0 ? end + 1 : limit;
            bytesConsumed += (pos - start);
            if (!blank(buf, start, contentLen)) {
                sink.record(buf, start, contentLen, startLine);
                return true;
            }
            if (end < 0) return false;
        }
    }

    /** Bytes of input consumed so far (for progress against a known file size). */
    public long bytesConsumed() { return bytesConsumed; }

    /** The physical line the next record would start at (after the end: last line + 1). */
    public long nextLine() { return line; }

    private static boolean blank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') return false;
        return true;
    }

    private void fill() throws IOException {
        while (limit < buf.length && !eof) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) { eof = true; break; }
            limit += n;
            if (n > 0) break;
        }
    }

    private void skipBom() {
        if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
            bytesConsumed += 3;
        }
    }
}
