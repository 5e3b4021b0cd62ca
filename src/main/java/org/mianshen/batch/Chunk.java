package org.mianshen.batch;

/**
 * A run of raw input records, cut by the reader thread without parsing: the bytes of every record
 * copied into one array, with each record's offset, length and starting line. Numbered in input
 * order so the writer can restore the order.
 */
public final class Chunk {
    final long seq;
    byte[] data;
    int used;
    final int[] off, len;
    final long[] line;
    int size;
    /** Input bytes consumed up to the end of this chunk (progress against the file size). */
    long bytesEnd;
    /** The input line the record after this chunk starts at (a checkpoint's resume point). */
    long nextLine;

    Chunk(long seq, int capacity, int bytesHint) {
        this.seq = seq;
        this.data = new byte[bytesHint];
        this.off = new int[capacity];
        this.len = new int[capacity];
        this.line = new long[capacity];
    }

    void add(byte[] src, int from, int n, long startLine) {
        if (used + n > data.length) data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, used + n));
        System.arraycopy(src, from, data, used, n);
        off[size] = used;
        len[size] = n;
        line[size] = startLine;
        used += n;
        size++;
    }

    boolean full() { return size == off.length; }

    public int size() { return size; }

    /** Record {@code i} decoded as UTF-8 (malformed bytes become U+FFFD and then fail JSON/CSV checks). */
    public String row(int i) { return new String(data, off[i], len[i], java.nio.charset.StandardCharsets.UTF_8); }

    public long line(int i) { return line[i]; }

    public long seq() { return seq; }
}
