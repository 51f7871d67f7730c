package dev.sluice.runtime;

import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * A pipeline process for {@link StopOnShutdownTest}: {@value #BATCHES} queued batches of
 * {@value #RECORDS_PER_BATCH} records, one every 50 ms, reporting {@code BATCH n} on standard
 * output for each completed batch of n records. It runs until the JVM is told to shut down.
 *
 * <p>Argument: whether the context stops gracefully on shutdown.
 */
public final class ShutdownPipeline {

    static final int BATCHES = 40;
    static final int RECORDS_PER_BATCH = 100;
    static final String BATCH = "BATCH ";

    private ShutdownPipeline() {}

    public static void main(String[] args) throws Exception {
        Queue<List<Integer>> batches = new ConcurrentLinkedQueue<>();
        for (int batch = 0; batch < BATCHES; batch++) {
            batches.add(IntStream.range(0, RECORDS_PER_BATCH).boxed().toList());
        }
        StreamingConfig config = StreamingConfig.builder()
                .name("shutdown")
                .parallelism(1)
                .gracefulStopTimeout(Duration.ofSeconds(60))
                .stopGracefullyOnShutdown(Boolean.parseBoolean(args[0]))
                .build();
        StreamingContext ssc = StreamingContext.create(config, Duration.ofMillis(50));
        ssc.sourceStream("numbers", Sources.queue(batches)).foreachRDD(batch -> { });
        ssc.addStreamingListener(info -> {
            System.out.println(BATCH + info.numRecords());
            System.out.flush();
        });
        ssc.start();
        ssc.awaitTermination();
    }
}
