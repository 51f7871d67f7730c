package dev.sluice.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Pair;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void partitionsRunInParallelAndResultsKeepPartitionOrder() throws Exception {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        try (WorkerPool pool = new WorkerPool("test", 2)) {
            // Each task waits (bounded) for the other: this completes only if both run at once.
            List<List<String>> out = pool.mapPartitions(List.of(List.of("a", "b"), List.of("c")), partition -> {
                bothRunning.await(10, TimeUnit.SECONDS);
                return partition.stream().map(String::toUpperCase).toList();
            });
            assertThat(out).containsExactly(List.of("A", "B"), List.of("C"));
        }
    }

    @Test
    void theFirstFailingPartitionInOrderIsReported() {
        try (WorkerPool pool = new WorkerPool("test", 3)) {
            List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
                throw new IllegalArgumentException("second");
            }, () -> {
                throw new IllegalStateException("third");
            });
            assertThatThrownBy(() -> pool.runAll(tasks))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.partition()).isEqualTo(1))
                    .hasCauseInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void withoutAPoolTasksRunInOrderOnTheCallingThreadAndFailAsOnWorkers() throws Exception {
        Thread caller = Thread.currentThread();
        List<Callable<Boolean>> onCaller = List.of(() -> Thread.currentThread() == caller, () -> true);
        assertThat(WorkerPool.runOn(null, onCaller)).containsExactly(true, true);
        List<Callable<Integer>> failing = List.of(() -> 1, () -> {
            throw new AssertionError("second");
        }, () -> {
            throw new IllegalStateException("third");
        });
        assertThatThrownBy(() -> WorkerPool.runOn(null, failing))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.partition()).isEqualTo(1))
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void aPoolNeedsAThread() {
        assertThatThrownBy(() -> new WorkerPool("test", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a worker pool needs at least 1 thread, not 0");
    }

    @Test
    void theKeyedReducerPutsEachKeyInTheOnePartitionOfItsHash() throws Exception {
        try (WorkerPool pool = new WorkerPool("test", 2)) {
            KeyedReducer<String, Integer> sum = new KeyedReducer<>(pool, Integer::sum, 3);
            List<List<Pair<String, Integer>>> out = sum.reduce(List.of(
                    List.of(Pair.of("x", 1), Pair.of("y", 2), Pair.of("x", 3)),
                    List.of(Pair.of("y", 4), Pair.of("z", 5), Pair.of(null, 6))));
            assertThat(out).hasSize(3);
            for (int p = 0; p < out.size(); p++) {
                for (Pair<String, Integer> record : out.get(p)) {
                    assertThat(KeyedReducer.partitionOf(record.key(), 3)).isEqualTo(p);
                }
            }
            assertThat(out.stream().flatMap(List::stream).toList())
                    .containsExactlyInAnyOrder(Pair.of("x", 4), Pair.of("y", 6), Pair.of("z", 5), Pair.of(null, 6));
        }
    }
}
