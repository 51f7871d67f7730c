package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.clock.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockGeneratorTest {

    private static final Duration BLOCK_INTERVAL = Duration.ofMillis(200);

    private final ManualClock clock = new ManualClock();

    @Test
    void drainHandsOutEveryRecordAddedBeforeItExactlyOnceInOrder() throws Exception {
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 100);
        blocks.addAll(List.of("a", "b", "c"));

        assertThat(blocks.hasPendingRecords()).isTrue();
        assertThat(blocks.drain()).containsExactly(List.of("a", "b", "c"));
        assertThat(blocks.hasPendingRecords()).isFalse();
        assertThat(blocks.drain()).isEmpty();
    }

    @Test
    void cutsOneBlockPerBlockIntervalOfTheClock() throws Exception {
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 100);
        blocks.add("a");
        clock.setTime(199);
        blocks.add("b");
        clock.setTime(200);
        blocks.add("c");
        clock.setTime(399);
        blocks.add("d");
        clock.setTime(1000);
        blocks.add("e");

        assertThat(blocks.drain()).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void blocksCutEarlierComeBeforeTheRecordsStillBeingCollected() throws Exception {
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 100);
        blocks.add("a");
        blocks.cutBlock();
        blocks.add("b");
        blocks.cutBlock();
        blocks.cutBlock();
        blocks.add("c");

        assertThat(blocks.drain()).containsExactly(List.of("a"), List.of("b"), List.of("c"));
    }

    @Test
    void addWaitsWhileTheBufferIsFullAndResumesWhenDrained() throws Exception {
        BlockGenerator<Integer> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 2);
        Thread producer = new Thread(() -> {
            try {
                blocks.addAll(List.of(1, 2, 3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "producer");
        producer.start();

        Await.blocked(producer);
        assertThat(blocks.bufferedRecords()).isEqualTo(2);

        assertThat(blocks.drain()).containsExactly(List.of(1, 2));
        Await.ended(producer);
        assertThat(blocks.drain()).containsExactly(List.of(3));
    }

    @Test
    void everyRecordComesOutExactlyOnceWhileAProducerRacesTheDrains() throws Exception {
        int total = 20_000;
        BlockGenerator<Integer> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 64);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    blocks.add(i);
                    if (i % 1000 == 0) {
                        clock.advance(BLOCK_INTERVAL);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();

        List<Integer> received = new ArrayList<>();
        Await.until(total + " records", () -> {
            blocks.drain().forEach(received::addAll);
            return received.size() >= total;
        });
        Await.ended(producer);

        assertThat(received).isEqualTo(IntStream.range(0, total).boxed().toList());
    }

    @Test
    void whenStoppingAFullBufferRefusesInsteadOfWaiting() throws Exception {
        BlockGenerator<Integer> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 1);
        blocks.add(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                blocks.add(2);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "producer");
        producer.start();
        Await.blocked(producer);

        blocks.stopWaitingForRoom();
        Await.ended(producer);

        assertThat(failure.get())
                .isInstanceOf(ReceiverStoppedException.class)
                .hasMessageContaining("buffer of 1 records is full");
        assertThat(blocks.drain()).containsExactly(List.of(1));
    }

    @Test
    void whenStoppingARecordThatFitsIsStillKept() throws Exception {
        BlockGenerator<Integer> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 2);
        blocks.add(1);
        blocks.stopWaitingForRoom();
        blocks.add(2);

        assertThat(blocks.drain()).containsExactly(List.of(1, 2));
    }

    @Test
    void aClosedBufferRefusesRecordsButKeepsWhatItHolds() throws Exception {
        BlockGenerator<Integer> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 10);
        blocks.add(1);
        blocks.close();

        assertThatThrownBy(() -> blocks.add(2))
                .isInstanceOf(ReceiverStoppedException.class)
                .hasMessage("the receiver has stopped: the record was not stored");
        assertThat(blocks.hasPendingRecords()).isTrue();
        assertThat(blocks.drain()).containsExactly(List.of(1));
    }

    @Test
    void rejectsNullRecordsAndBadSettingsWithClearMessages() {
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, BLOCK_INTERVAL, 1);
        assertThatThrownBy(() -> blocks.add(null)).hasMessage("a record must not be null");
        assertThatThrownBy(() -> new BlockGenerator<>(clock, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the block interval must be at least 1 ms, but was 0 ms");
        assertThatThrownBy(() -> new BlockGenerator<>(clock, BLOCK_INTERVAL, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the buffer capacity must be at least 1 record, but was 0");
    }
}
