package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Time;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A receiver source with the write-ahead log on, batch by batch, "crashing" by abandoning it. */
class ReceiverSourceWriteAheadLogTest {

    @TempDir
    Path log;

    /** Stores each list it is handed as one run, on its own thread. */
    private static final class HandedRuns extends Receiver<String> {
        final BlockingQueue<List<String>> runs = new LinkedBlockingQueue<>();
        volatile int stored;

        @Override
        public void onStart() throws InterruptedException {
            while (!isStopped()) {
                List<String> run = runs.poll(10, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (run != null) {
                    store(run);
                    stored += run.size();
                }
            }
        }
    }

    @Test
    void onlyWhatNoCompletedBatchProcessedIsReplayedAndOnlyInTheFirstBatch() throws Exception {
        HandedRuns receiver = new HandedRuns();
        ReceiverSource<String> crashed = start(receiver);
        store(receiver, List.of("a", "b"));
        assertThat(crashed.loggedRecords()).isEqualTo(2);
        assertThat(flatten(crashed.nextBatch(Time.ofMillis(1_000)))).containsExactly("a", "b");
        crashed.batchSucceeded(Time.ofMillis(1_000));
        store(receiver, List.of("c"));
        assertThat(flatten(crashed.nextBatch(Time.ofMillis(2_000)))).containsExactly("c");
        store(receiver, List.of("d", "e"));
        // The batch of 2000 never completes and "d", "e" never reach a batch: the process dies.
        receiver.runs.clear();

        HandedRuns again = new HandedRuns();
        ReceiverSource<String> restarted = start(again);
        assertThat(restarted.replayedRecords()).isEqualTo(3);
        assertThat(restarted.hasPendingRecords()).isTrue();
        store(again, List.of("f"));
        assertThat(flatten(restarted.nextBatch(Time.ofMillis(5_000)))).containsExactly("c", "d", "e", "f");
        assertThat(flatten(restarted.nextBatch(Time.ofMillis(6_000)))).isEmpty();
        restarted.batchSucceeded(Time.ofMillis(6_000));
        crashed.stop();
        restarted.stop();

        ReceiverSource<String> third = start(new HandedRuns());
        assertThat(third.replayedRecords()).isZero();
        assertThat(third.nextBatch(Time.ofMillis(9_000))).isEmpty();
        third.stop();
    }

    @Test
    void aReplayedBatchThatCompletesIsNotReplayedAgainEvenWithNothingNewStored() throws Exception {
        HandedRuns receiver = new HandedRuns();
        ReceiverSource<String> crashed = start(receiver);
        store(receiver, List.of("a"));
        crashed.stop();

        ReceiverSource<String> restarted = start(new HandedRuns());
        assertThat(flatten(restarted.nextBatch(Time.ofMillis(1_000)))).containsExactly("a");
        restarted.batchSucceeded(Time.ofMillis(1_000));
        restarted.stop();

        ReceiverSource<String> third = start(new HandedRuns());
        assertThat(third.replayedRecords()).isZero();
        third.stop();
    }

    @Test
    void aLogThatCannotBeOpenedStopsTheSourceFromStartingNamingTheDirectory() throws Exception {
        Files.writeString(log.resolve("lines"), "a file where the log's directory should be");
        ReceiverSource<String> source = new ReceiverSource<>(new HandedRuns());
        assertThatThrownBy(() -> source.start(new TestSourceContext("lines", 100, log.resolve("lines"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("the write-ahead log in " + log.resolve("lines") + " could not be read back");
    }

    private ReceiverSource<String> start(HandedRuns receiver) {
        ReceiverSource<String> source = new ReceiverSource<>(receiver);
        source.start(new TestSourceContext("lines", 100, log.resolve("lines")));
        return source;
    }

    private static void store(HandedRuns receiver, List<String> run) {
        int before = receiver.stored;
        receiver.runs.add(run);
        Await.until("the run stored", () -> receiver.stored == before + run.size());
    }

    private static List<String> flatten(List<List<String>> blocks) {
        List<String> records = new ArrayList<>();
        blocks.forEach(records::addAll);
        return records;
    }
}
