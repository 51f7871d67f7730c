package dev.sluice.benchmarks;

import dev.sluice.benchmarks.WordCountSystem.BatchTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The smallest batch interval at which a system keeps up with a light stream of 1,000 lines a
 * batch: from the longest interval down, each interval runs the word count for about 1.5 s (at
 * least 20 batches) in a fresh streaming context and keeps up when, by the system's own
 * listener, the batches take less than the interval (median processing time) and the
 * scheduling delay does not grow (its median over the last third of the batches is at most
 * one interval above its median over the first third; medians, so that one pause of a
 * shared machine does not decide). Prints one JSON object.
 *
 * <pre>{@code
 * java -cp ... dev.sluice.benchmarks.BatchIntervalBenchmark sluice
 * }</pre>
 */
public final class BatchIntervalBenchmark {

    static final int LINES_PER_BATCH = 1_000;
    private static final long[] INTERVALS_MS = {1000, 500, 200, 100, 50, 20, 10, 5, 2, 1};

    private BatchIntervalBenchmark() {}

    public static void main(String[] args) throws Exception {
        String system = args.length > 0 ? args[0] : "sluice";
        List<List<String>> distinct = new ArrayList<>();
        List<String> lines = Corpus.lines(40 * LINES_PER_BATCH);
        for (int from = 0; from < lines.size(); from += LINES_PER_BATCH) {
            distinct.add(lines.subList(from, from + LINES_PER_BATCH));
        }
        StringBuilder tried = new StringBuilder();
        long smallest = -1;
        try (WordCountSystem streaming = WordCountSystem.named(system)) {
            streaming.run(cycle(distinct, 20), Duration.ofMillis(50), 2); // warm-up
            for (long interval : INTERVALS_MS) {
                int count = (int) Math.max(20, 1_500 / interval);
                List<BatchTiming> timings = streaming.run(cycle(distinct, count), Duration.ofMillis(interval), 2);
                Verdict verdict = Verdict.of(timings, interval);
                if (tried.length() > 0) {
                    tried.append(',');
                }
                tried.append(String.format(Locale.ROOT, "\"%d\":%s", interval, verdict.json()));
                System.err.println(system + " at " + interval + " ms: " + verdict.json());
                if (!verdict.keepsUp()) {
                    break;
                }
                smallest = interval;
            }
        }
        System.out.printf("{\"system\":\"%s\",\"min_batch_interval_ms\":%d,\"tried\":{%s}}%n", system, smallest, tried);
    }

    private static List<List<String>> cycle(List<List<String>> distinct, int count) {
        List<List<String>> batches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batches.add(distinct.get(i % distinct.size()));
        }
        return batches;
    }

    /** Whether the batches at one interval kept up, with the figures that decided it. */
    record Verdict(long medianProcessingMillis, double firstDelayMillis, double lastDelayMillis, long interval) {

        static Verdict of(List<BatchTiming> timings, long interval) {
            long[] processing = timings.stream().mapToLong(BatchTiming::processingMillis).sorted().toArray();
            int third = Math.max(1, timings.size() / 3);
            return new Verdict(processing[processing.length / 2],
                    medianDelay(timings.subList(0, third)),
                    medianDelay(timings.subList(timings.size() - third, timings.size())), interval);
        }

        private static double medianDelay(List<BatchTiming> timings) {
            long[] delays = timings.stream().mapToLong(BatchTiming::schedulingDelayMillis).sorted().toArray();
            return delays[delays.length / 2];
        }

        boolean keepsUp() {
            return medianProcessingMillis < interval && lastDelayMillis <= firstDelayMillis + interval;
        }

        String json() {
            return String.format(Locale.ROOT,
                    "{\"median_processing_ms\":%d,\"first_third_median_delay_ms\":%.1f,\"last_third_median_delay_ms\":%.1f,\"keeps_up\":%b}",
                    medianProcessingMillis, firstDelayMillis, lastDelayMillis, keepsUp());
        }
    }
}
