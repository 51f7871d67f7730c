package dev.sluice.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Word count of the corpus in batches of 200,000 lines, each timed on its own, the first two
 * left out as warm-up; prints one JSON object with the median, the fastest and the slowest
 * steady batch in words per second, and the peak heap.
 *
 * <pre>{@code
 * java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp ... dev.sluice.benchmarks.WordCountBenchmark sluice
 * }</pre>
 */
public final class WordCountBenchmark {

    static final int BATCH_LINES = 200_000;
    static final int WARM_UP_BATCHES = 2;
    /** Both streaming systems cut each batch in two, one partition per worker of {@code local[2]}. */
    static final int SLICES = 2;
    static final Duration BATCH_INTERVAL = Duration.ofMillis(100);

    private WordCountBenchmark() {}

    public static void main(String[] args) throws Exception {
        String system = args.length > 0 ? args[0] : "sluice";
        int lineCount = args.length > 1 ? Integer.parseInt(args[1]) : Corpus.LINES;
        List<List<String>> batches = batches(Corpus.lines(lineCount));
        long expectedWords = (long) batches.size() * BATCH_LINES * Corpus.WORDS_PER_LINE;
        long[] nanos;
        long counted;
        switch (system) {
            case "handwritten_1t", "handwritten_2t" -> {
                nanos = handwritten(batches, system.equals("handwritten_1t") ? 1 : 2);
                counted = expectedWords;
            }
            case "sluice", "spark" -> {
                try (WordCountSystem streaming = WordCountSystem.named(system)) {
                    nanos = streaming.run(batches, BATCH_INTERVAL, SLICES).stream()
                            .mapToLong(timing -> timing.processingMillis() * 1_000_000L)
                            .toArray();
                    counted = streaming.wordsCounted();
                }
            }
            default -> throw new IllegalArgumentException("unknown system " + system
                    + "; expected sluice, spark, handwritten_1t or handwritten_2t");
        }
        if (counted != expectedWords || nanos.length != batches.size()) {
            throw new IllegalStateException(system + " counted " + counted + " words in " + nanos.length
                    + " batches; expected " + expectedWords + " in " + batches.size());
        }
        long[] steady = Arrays.copyOfRange(nanos, WARM_UP_BATCHES, nanos.length);
        Arrays.sort(steady);
        double wordsPerBatch = (double) BATCH_LINES * Corpus.WORDS_PER_LINE;
        System.out.printf("{\"system\":\"%s\",\"words_per_s\":%.0f,\"lines_per_s\":%.0f,"
                        + "\"fastest_words_per_s\":%.0f,\"slowest_words_per_s\":%.0f,\"batches\":%d,\"peak_heap_mb\":%d}%n",
                system, perSecond(wordsPerBatch, steady[steady.length / 2]),
                perSecond(BATCH_LINES, steady[steady.length / 2]),
                perSecond(wordsPerBatch, steady[0]), perSecond(wordsPerBatch, steady[steady.length - 1]),
                steady.length, peakHeapBytes() >> 20);
    }

    private static double perSecond(double amount, long nanos) {
        return amount / Math.max(1, nanos) * 1e9;
    }

    static List<List<String>> batches(List<String> lines) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from + BATCH_LINES <= lines.size(); from += BATCH_LINES) {
            batches.add(new ArrayList<>(lines.subList(from, from + BATCH_LINES)));
        }
        return batches;
    }

    static long[] handwritten(List<List<String>> batches, int threads) {
        long[] nanos = new long[batches.size()];
        long checksum = 0;
        for (int i = 0; i < batches.size(); i++) {
            long start = System.nanoTime();
            Map<String, Integer> counts = threads == 1
                    ? HandwrittenWordCount.count(batches.get(i), 0, batches.get(i).size())
                    : HandwrittenWordCount.countTwoThreads(batches.get(i));
            nanos[i] = System.nanoTime() - start;
            checksum += counts.size();
        }
        System.err.println("distinct words over all batches: " + checksum);
        return nanos;
    }

    /** The most heap that was in use at once: the peaks of the heap's memory pools added up. */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
