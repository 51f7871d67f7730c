package dev.sluice.benchmarks;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Word count of the corpus in batches of 200,000 lines, each timed on its own, the first two
 * left out as warm-up; prints one JSON object with the median words per second.
 *
 * <pre>{@code
 * java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp ... dev.sluice.benchmarks.WordCountBenchmark sluice
 * }</pre>
 */
public final class WordCountBenchmark {

    static final int BATCH_LINES = 200_000;
    static final int WARM_UP_BATCHES = 2;

    private WordCountBenchmark() {}

    public static void main(String[] args) throws Exception {
        String system = args.length > 0 ? args[0] : "sluice";
        int lineCount = args.length > 1 ? Integer.parseInt(args[1]) : Corpus.LINES;
        List<List<String>> batches = batches(Corpus.lines(lineCount));
        long[] nanos = switch (system) {
            case "sluice" -> sluice(batches);
            case "handwritten_1t" -> handwritten(batches, 1);
            case "handwritten_2t" -> handwritten(batches, 2);
            default -> throw new IllegalArgumentException("unknown system " + system
                    + "; expected sluice, handwritten_1t or handwritten_2t");
        };
        long[] steady = Arrays.copyOfRange(nanos, WARM_UP_BATCHES, nanos.length);
        Arrays.sort(steady);
        double medianSeconds = steady[steady.length / 2] / 1e9;
        double linesPerSecond = BATCH_LINES / medianSeconds;
        System.out.printf("{\"system\":\"%s\",\"lines_per_s\":%.0f,\"words_per_s\":%.0f,\"batches\":%d}%n",
                system, linesPerSecond, linesPerSecond * Corpus.WORDS_PER_LINE, steady.length);
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

    /** One batch at a time through the generated wiring, timed from its submission to its end. */
    static long[] sluice(List<List<String>> batches) throws Exception {
        ConcurrentLinkedQueue<List<String>> queue = new ConcurrentLinkedQueue<>();
        WordCountPipeline pipeline = new WordCountPipeline(queue);
        StreamingConfig config = StreamingConfig.builder()
                .parallelism(2)
                .batchInterval(Duration.ofMillis(10))
                .build();
        StreamingContext ssc = WordCountPipelineWiring.wire(pipeline, config);
        ssc.start();
        long[] nanos = new long[batches.size()];
        try {
            long expected = 0;
            for (int i = 0; i < batches.size(); i++) {
                expected += (long) batches.get(i).size() * Corpus.WORDS_PER_LINE;
                long start = System.nanoTime();
                queue.add(batches.get(i));
                while (pipeline.wordsCounted() < expected) {
                    Thread.onSpinWait();
                }
                nanos[i] = System.nanoTime() - start;
            }
        } finally {
            ssc.stop();
        }
        return nanos;
    }
}
