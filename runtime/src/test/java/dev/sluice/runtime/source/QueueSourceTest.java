package dev.sluice.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Time;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class QueueSourceTest {

    @Test
    void eachBatchTakesOneQueuedCollectionAsOnePartition() throws Exception {
        Queue<List<String>> queue = new ArrayDeque<>(List.of(List.of("a", "b"), List.of(), List.of("c")));
        StreamSource<String> source = Sources.queue(queue);
        source.start(null);
        assertThat(source.hasPendingRecords()).isTrue();
        assertThat(source.nextBatch(Time.ofMillis(1000))).containsExactly(List.of("a", "b"));
        assertThat(source.nextBatch(Time.ofMillis(2000))).isEmpty();
        source.stop();
        // Queued records stay available after stop, for a graceful stop to run them.
        assertThat(source.nextBatch(Time.ofMillis(3000))).containsExactly(List.of("c"));
        assertThat(source.hasPendingRecords()).isFalse();
        assertThat(source.nextBatch(Time.ofMillis(4000))).isEmpty();
    }
}
