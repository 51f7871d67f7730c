package dev.sluice.cli;

import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.scheduler.StreamingListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One line on a terminal that the runner rewrites after every batch: how many batches have
 * run, the last one's records and rate, and its delays.
 *
 * <pre>{@code
 * batch 3/10 · 1000 ms · 12 records (12.0/s) · processing 4 ms · total delay 6 ms
 * }</pre>
 */
final class ProgressDisplay implements StreamingListener {

    private final PrintStream terminal;
    private final Duration batchInterval;
    private final Long totalBatches;
    private long completed;

    /** @param totalBatches the batches the run stops after, or null if it runs until stopped */
    ProgressDisplay(PrintStream terminal, Duration batchInterval, Long totalBatches) {
        this.terminal = terminal;
        this.batchInterval = batchInterval;
        this.totalBatches = totalBatches;
    }

    @Override
    public synchronized void onBatchCompleted(BatchInfo info) {
        completed++;
        // \r goes back to the start of the line, the escape clears what a longer line left
        terminal.print("\r\033[K" + line(info, completed, totalBatches, batchInterval));
        terminal.flush();
    }

    /** Ends the line, so that what is printed next starts on its own. */
    synchronized void finish() {
        if (completed > 0) {
            terminal.println();
        }
    }

    static String line(BatchInfo info, long completed, Long totalBatches, Duration batchInterval) {
        double rate = info.numRecords() * 1000.0 / batchInterval.toMillis();
        return String.format(Locale.ROOT, "batch %d%s · %d ms · %d records (%.1f/s) · processing %d ms · total delay %d ms",
                completed, totalBatches == null ? "" : "/" + totalBatches, info.batchTime().milliseconds(),
                info.numRecords(), rate, info.processingTime().toMillis(), info.totalDelay().toMillis());
    }
}
