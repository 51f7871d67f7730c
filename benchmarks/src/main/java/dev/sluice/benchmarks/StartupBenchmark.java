package dev.sluice.benchmarks;

import dev.sluice.benchmarks.WordCountSystem.BatchTiming;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * JVM start to the first completed batch: a fresh JVM creates the streaming context, queues
 * one batch of 1,000 lines with a 10 ms batch interval and waits for the listener to report
 * it. The window runs from the JVM's start time to the listener's report of the batch; the
 * start time is read once the batch is done, so that reading it costs the window nothing.
 * Run it in a plain JVM (no pre-touched heap, which alone takes seconds). Prints one JSON
 * object.
 *
 * <p>{@code handwritten_2t} counts the same lines with the two-thread loop instead, no
 * streaming system at all: the least any JVM here takes to make those lines and count them,
 * measured in the same run, so that a start figure can be told apart from the machine's speed
 * at the time (the same JVMs take a third longer in a slow quarter of an hour).
 *
 * <pre>{@code
 * java -cp ... dev.sluice.benchmarks.StartupBenchmark sluice
 * }</pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        String system = args.length > 0 ? args[0] : "sluice";
        long mainEntered = System.currentTimeMillis();
        List<String> batch = Corpus.lines(BatchIntervalBenchmark.LINES_PER_BATCH);
        long completedAt;
        if (system.equals("handwritten_2t")) {
            long words = 0;
            for (int count : HandwrittenWordCount.countTwoThreads(batch).values()) {
                words += count;
            }
            completedAt = System.currentTimeMillis();
            if (words != (long) batch.size() * Corpus.WORDS_PER_LINE) {
                throw new IllegalStateException("the loop counted " + words + " words");
            }
        } else {
            try (WordCountSystem streaming = WordCountSystem.named(system)) {
                List<BatchTiming> timings = streaming.run(List.of(batch), Duration.ofMillis(10), 2);
                completedAt = timings.get(0).completedAtMillis();
            }
        }
        // Read after the batch (see above): java.management takes some 15 ms to load.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("{\"system\":\"%s\",\"start_to_first_batch_ms\":%d,\"start_to_main_ms\":%d}%n",
                system, completedAt - jvmStart, mainEntered - jvmStart);
    }
}
