package dev.sluice.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void slicesCutEachCollectionIntoContiguousPartitionsAsSparksParallelizeDoes() throws Exception {
        Queue<List<Integer>> queue = new ArrayDeque<>(List.of(List.of(1, 2, 3, 4, 5, 6, 7), List.of(8)));
        StreamSource<Integer> source = Sources.queue(queue, 3);
        source.start(null);
        assertThat(source.nextBatch(Time.ofMillis(1000)))
                .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5, 6, 7));
        assertThat(source.nextBatch(Time.ofMillis(2000))).containsExactly(List.of(), List.of(), List.of(8));
        assertThat(source.nextBatch(Time.ofMillis(3000))).isEmpty();
    }

    @Test
    void fewerThanOneSliceIsRefused() {
        assertThatThrownBy(() -> Sources.queue(new ArrayDeque<List<String>>(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a queue source cuts each batch into at least 1 partition, not 0");
    }
}
