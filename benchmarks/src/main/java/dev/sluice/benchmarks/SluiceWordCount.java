package dev.sluice.benchmarks;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The word count through the wiring generated from {@link WordCountPipeline}, timed by Sluice's listener. */
final class SluiceWordCount implements WordCountSystem {

    static final String CONTEXT_NAME = "wordcount";

    private long wordsCounted;

    @Override
    public List<BatchTiming> run(List<List<String>> batches, Duration batchInterval, int slices) throws Exception {
        ConcurrentLinkedQueue<List<String>> queue = new ConcurrentLinkedQueue<>(batches);
        WordCountPipeline pipeline = new WordCountPipeline(queue, slices);
        StreamingConfig config = StreamingConfig.builder()
                .name(CONTEXT_NAME)
                .parallelism(2)
                .batchInterval(batchInterval)
                .build();
        StreamingContext ssc = WordCountPipelineWiring.wire(pipeline, config);
        List<BatchTiming> timings = new CopyOnWriteArrayList<>();
        ssc.addStreamingListener(info -> {
            if (info.numRecords() > 0) {
                timings.add(new BatchTiming(info.batchTime().milliseconds(), info.schedulingDelay().toMillis(),
                        info.processingTime().toMillis(), System.currentTimeMillis()));
            }
        });
        ssc.start();
        try {
            Waiting.until(() -> timings.size() >= batches.size(), 600, TimeUnit.SECONDS);
        } finally {
            ssc.stop();
        }
        wordsCounted += pipeline.wordsCounted();
        return new ArrayList<>(timings);
    }

    @Override
    public long wordsCounted() {
        return wordsCounted;
    }

    @Override
    public void close() {
        // Every run stops its own context.
    }
}
