package org.mianshen.batch.bench;

import org.mianshen.cli.Main;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@code mianshen batch REGISTRY -o OUT --as-of DATE --threads N} in this (fresh) JVM exactly as the
 * CLI does, then prints the peak resident set size (VmHWM from /proc/self/status) and the throughput.
 * Used by {@link BatchBenchmark} {@code --rss}.
 */
public final class RssProbe {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        PrintWriter err = new PrintWriter(System.err, true);
        int code = Main.run(new PrintWriter(System.out, true), err, "batch", args[0], "-o", args[1], "--as-of", args[2],
                "--threads", args[3], "-q", "--no-progress");
        double s = (System.nanoTime() - t0) / 1e9;
        String hwm = "?", rssNow = "?";
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) hwm = l.substring(6).strip();
            if (l.startsWith("VmRSS:")) rssNow = l.substring(6).strip();
        }
        System.out.printf("VmHWM %s (VmRSS at end %s), exit %d, %.1f s wall incl. JVM start and rule compilation, max heap %d MB, load %s%n",
                hwm, rssNow, code, s, Runtime.getRuntime().maxMemory() >> 20, BatchBenchmark.loadAverage());
        System.exit(code);
    }
}
