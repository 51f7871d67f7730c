package dev.sluice.benchmarks;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The fixed scheduler cost of an empty batch in Sluice: the word count runs on an empty queue
 * with a 1 ms batch interval, and after 15,000 warm-up batches the CPU time of the context's
 * threads (the scheduler's two threads, workers) over the next 5,000 batches is divided by
 * their number, in all and in user mode only (the kernel's share is mostly the threads' wake-ups).
 * CPU time, unlike wall time, does not count the waits between batches nor the time other
 * processes hold the cores. Prints one JSON object.
 *
 * <pre>{@code
 * java -cp ... dev.sluice.benchmarks.EmptyBatchBenchmark
 * }</pre>
 */
public final class EmptyBatchBenchmark {

    /*
     * The code of a batch runs once a batch, so the JIT compiles it fully only after about 5,000
     * to 7,000 batches: after fewer, the figure is that of code still being compiled, not the
     * cost a running context pays batch after batch.
     */
    private static final int WARM_UP_BATCHES = 15_000;
    private static final int WARM_UP_STEP = 1_000;
    private static final int MEASURED_BATCHES = 5_000;

    private EmptyBatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        WordCountPipeline pipeline = new WordCountPipeline(new ConcurrentLinkedQueue<>(), 2);
        StreamingConfig config = StreamingConfig.builder()
                .name(SluiceWordCount.CONTEXT_NAME)
                .parallelism(2)
                .batchInterval(Duration.ofMillis(1))
                .build();
        StreamingContext ssc = WordCountPipelineWiring.wire(pipeline, config);
        ssc.start();
        try {
            Duration timeout = Duration.ofMinutes(2);
            // The warm-up waits and reads the threads' CPU every 1,000 batches, as the measurement
            // does at its ends: done for the first time when the measured batches begin, both made
            // the JIT throw away compiled code (LogCompilation: an uncommon trap in the scheduler's
            // branch that wakes a waiter, class checks in HashMap for the management code's
            // keys), which ran interpreted again through part of the measured batches.
            for (int warmed = WARM_UP_STEP; warmed <= WARM_UP_BATCHES; warmed += WARM_UP_STEP) {
                ssc.awaitBatches(warmed, timeout);
                contextCpuNanos(false);
                contextCpuNanos(true);
            }
            long batchesBefore = ssc.completedBatches();
            long cpuBefore = contextCpuNanos(false);
            long userBefore = contextCpuNanos(true);
            ssc.awaitBatches((int) batchesBefore + MEASURED_BATCHES, timeout);
            long cpu = contextCpuNanos(false) - cpuBefore;
            long user = contextCpuNanos(true) - userBefore;
            long batches = ssc.completedBatches() - batchesBefore;
            System.out.printf("{\"system\":\"sluice\",\"empty_batch_us\":%.1f,\"empty_batch_user_us\":%.1f,\"batches\":%d}%n",
                    cpu / 1e3 / batches, user / 1e3 / batches, batches);
        } finally {
            ssc.stop();
        }
    }

    /** The CPU time of the context's threads so far: in user mode only, or user and kernel mode. */
    private static long contextCpuNanos(boolean userOnly) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : List.copyOf(Thread.getAllStackTraces().keySet())) {
            if (thread.getName().startsWith(SluiceWordCount.CONTEXT_NAME + "-")) {
                long cpu = userOnly ? threads.getThreadUserTime(thread.getId()) : threads.getThreadCpuTime(thread.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
