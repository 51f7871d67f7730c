package dev.sluice.spark;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.StreamSource;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Tells a source that runs on the driver that a batch's outputs all succeeded, as the lean
 * runtime does ({@link StreamSource#batchSucceeded}), so that a source that can replay (Kafka)
 * commits only what was written: at-least-once on Spark too.
 *
 * <pre>{@code
 * context.addStreamingListener(new SourceAcknowledgement("lines", source));
 * }</pre>
 */
final class SourceAcknowledgement implements StreamingListener {

    private static final Logger log = LoggerFactory.getLogger(SourceAcknowledgement.class);

    private final String streamName;
    private final StreamSource<?> source;

    SourceAcknowledgement(String streamName, StreamSource<?> source) {
        this.streamName = streamName;
        this.source = source;
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        BatchInfo batch = completed.batchInfo();
        boolean succeeded = CollectionConverters.asJava(batch.outputOperationInfos()).values().stream()
                .allMatch(output -> output.failureReason().isEmpty());
        if (!succeeded) {
            return;   // as on the lean runtime: the next successful batch commits past it
        }
        try {
            source.batchSucceeded(Time.ofMillis(batch.batchTime().milliseconds()));
        } catch (Exception e) {
            log.warn("the source of stream '{}' failed to acknowledge the batch of {}", streamName,
                    batch.batchTime(), e);
        }
    }
}
