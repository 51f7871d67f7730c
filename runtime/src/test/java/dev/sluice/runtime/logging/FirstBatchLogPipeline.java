package dev.sluice.runtime.logging;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A pipeline process for {@link RuntimeLoggersTest}, run with {@link GatedLoggingProvider} as
 * slf4j's backend: one queued batch of three records, 10 ms batches. It prints {@code DONE} once
 * the batch is reported and the context stopped, then exits.
 */
public final class FirstBatchLogPipeline {

    static final String DONE = "DONE";

    private FirstBatchLogPipeline() {}

    public static void main(String[] args) throws Exception {
        StreamingConfig config = StreamingConfig.builder().name("first-batch-log").parallelism(1).build();
        StreamingContext ssc = StreamingContext.create(config, Duration.ofMillis(10));
        ssc.sourceStream("words", Sources.queue(new ConcurrentLinkedQueue<>(List.of(List.of("a", "b", "c")))))
                .foreachRDD(batch -> { });
        CountDownLatch reported = new CountDownLatch(1);
        ssc.addStreamingListener(info -> {
            if (info.numRecords() > 0) {
                GatedLoggingProvider.FIRST_BATCH_REPORTED.countDown();
                reported.countDown();
            }
        });
        ssc.start();
        boolean ran = reported.await(60, TimeUnit.SECONDS);
        ssc.stop();
        System.out.println(ran ? DONE : "the batch was not reported in 60 s");
    }
}
