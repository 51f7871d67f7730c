package dev.sluice.benchmarks;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
        BatchTimings timings = new BatchTimings(batches.size());
        ssc.addStreamingListener(info -> {
            if (info.numRecords() > 0) {
                timings.add(new BatchTiming(info.batchTime().milliseconds(), info.schedulingDelay().toMillis(),
                        info.processingTime().toMillis(), System.currentTimeMillis()));
            }
        });
        ssc.start();
        List<BatchTiming> reported;
        try {
            reported = timings.await(600, TimeUnit.SECONDS);
        } finally {
            ssc.stop();
        }
        wordsCounted += pipeline.wordsCounted();
        return reported;
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
