package dev.sluice.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source hears of a batch only once all its outputs succeeded: the hook replayable sources commit in. */
class BatchSucceededTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path checkpoints;

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc =
            StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(1).build(), SECOND);

    @AfterEach
    void stopContext() {
        ssc.stop();
    }

    /** Gives one record a batch and records which batches it was told succeeded. */
    private static class AcknowledgedSource implements StreamSource<Long> {
        final List<Time> succeeded = new CopyOnWriteArrayList<>();

        @Override
        public void start(SourceContext context) {}

        @Override
        public List<List<Long>> nextBatch(Time batchTime) {
            return List.of(List.of(batchTime.milliseconds()));
        }

        @Override
        public boolean hasPendingRecords() {
            return false;
        }

        @Override
        public void batchSucceeded(Time batchTime) {
            succeeded.add(batchTime);
        }

        @Override
        public void stop() {}
    }

    @Test
    void everyBatchWhoseOutputsAllSucceededIsAcknowledgedInOrderAfterItsOutputs() throws Exception {
        AcknowledgedSource source = new AcknowledgedSource();
        List<String> events = new CopyOnWriteArrayList<>();
        var stream = ssc.sourceStream("numbers", source);
        stream.foreachRDD("first", batch -> events.add("first " + batch.time().milliseconds()
                + " acked " + source.succeeded.size()));
        stream.foreachRDD("second", batch -> events.add("second " + batch.time().milliseconds()
                + " acked " + source.succeeded.size()));
        ssc.start();
        clock.advance(SECOND.multipliedBy(2));
        assertThat(ssc.awaitBatches(2, TIMEOUT)).isTrue();

        assertThat(source.succeeded).containsExactly(Time.ofMillis(1_000), Time.ofMillis(2_000));
        assertThat(events).containsExactly("first 1000 acked 0", "second 1000 acked 0",
                "first 2000 acked 1", "second 2000 acked 1");
    }

    @Test
    void aBatchWithAFailedOutputIsNeverAcknowledged() throws Exception {
        AcknowledgedSource source = new AcknowledgedSource();
        var stream = ssc.sourceStream("numbers", source);
        stream.foreachRDD("fine", batch -> {});
        stream.foreachRDD("broken", batch -> {
            if (batch.time().milliseconds() == 2_000) {
                throw new IllegalStateException("the store is down");
            }
        });
        ssc.start();
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();
        clock.advance(SECOND);

        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(TIMEOUT))
                .isInstanceOf(StreamingException.class)
                .hasMessageContaining("broken");
        assertThat(source.succeeded).containsExactly(Time.ofMillis(1_000));
    }

    @Test
    void withCheckpointsABatchIsAcknowledgedOnlyOnceACheckpointCoveringItWasWritten() throws Exception {
        StreamingContext checkpointed = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(1)
                .checkpointInterval(SECOND.multipliedBy(2)).build(), SECOND);
        checkpointed.checkpoint(checkpoints);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AcknowledgedSource source = new AcknowledgedSource() {
            @Override
            public void batchSucceeded(Time batchTime) {
                acknowledged.add(batchTime.milliseconds() + (Files.exists(checkpoints.resolve("checkpoint-"
                        + (batchTime.milliseconds() + 1_999) / 2_000 * 2_000)) ? " after its checkpoint" : " before"));
            }
        };
        checkpointed.sourceStream("numbers", source).foreachRDD("out", batch -> {});
        try {
            checkpointed.start();
            clock.advance(SECOND.multipliedBy(3));
            assertThat(checkpointed.awaitBatches(3, TIMEOUT)).isTrue();
            assertThat(acknowledged).as("batch 3000 waits for the checkpoint of 4000")
                    .containsExactly("1000 after its checkpoint", "2000 after its checkpoint");
            clock.advance(SECOND);
            assertThat(checkpointed.awaitBatches(4, TIMEOUT)).isTrue();
            assertThat(acknowledged).containsExactly("1000 after its checkpoint", "2000 after its checkpoint",
                    "3000 after its checkpoint", "4000 after its checkpoint");
        } finally {
            checkpointed.stop();
        }
    }
}
