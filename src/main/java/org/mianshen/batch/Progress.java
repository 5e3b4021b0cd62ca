package org.mianshen.batch;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;

/**
 * The progress bar on stderr (me.tongfei:progressbar): rows done, rows/s, elapsed and, when the
 * input size is known, an ETA from the bytes consumed. The batch shows it only when stderr is a
 * terminal (see {@link #wanted()}); otherwise nothing is printed until the final summary.
 */
class Progress implements AutoCloseable {
    static final Progress NONE = new Progress();

    /** Interactive use: {@code System.console() != null} (stdin and stdout are a terminal) is the proxy for "stderr is a terminal". */
    static boolean wanted() { return System.console() != null; }

    static Progress start(long inputBytes) { return new Bar(inputBytes); }

    void update(long rows, long bytes) {}

    @Override public void close() {}

    private static final class Bar extends Progress {
        private final ProgressBar bar;
        private final long inputBytes;
        private long lastUpdate;

        Bar(long inputBytes) {
            this.inputBytes = inputBytes;
            bar = new ProgressBarBuilder().setTaskName("batch").setInitialMax(-1)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" 行", 1).showSpeed(new DecimalFormat("#,##0"))
                    .setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250).continuousUpdate()
                   .build();
        }

        @Override void update(long rows, long bytes) {
            long now = System.nanoTime();
            if (inputBytes > 0 && bytes > 0 && now - lastUpdate > 200_000_000L) {
                bar.maxHint(Math.max(rows, Math.round(rows * (double) inputBytes / bytes)));   // estimated total rows
                lastUpdate = now;
            }
            bar.stepTo(rows);
        }

        @Override public void close() {
            if (inputBytes > 0) bar.maxHint(bar.getCurrent());
            bar.close();
        }
    }
}
