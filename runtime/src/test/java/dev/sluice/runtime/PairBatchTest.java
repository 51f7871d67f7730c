package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairBatchTest {

    private static final Time T = Time.ofMillis(5_000);

    private final PairBatch<String, Integer> left = PairBatch.of(Batch.of(T,
            List.of(List.of(Pair.of("a", 1), Pair.of("b", 2)), List.of(Pair.of("a", 3)))));
    private final PairBatch<String, String> right = PairBatch.of(List.of(Pair.of("a", "x"), Pair.of("c", "y")));

    @Test
    void reduceByKeyAndGroupByKeyCombineAcrossPartitions() throws Exception {
        assertThat(left.reduceByKey(Integer::sum).collect()).containsExactlyInAnyOrder(Pair.of("a", 4), Pair.of("b", 2));
        assertThat(left.groupByKey().collect())
                .containsExactlyInAnyOrder(Pair.of("a", List.of(1, 3)), Pair.of("b", List.of(2)));
        assertThat(left.groupByKey().time()).isEqualTo(T);
    }

    @Test
    void joinsFollowSparkForKeysOnOneSide() throws Exception {
        assertThat(left.join(right).collect())
                .containsExactlyInAnyOrder(Pair.of("a", Pair.of(1, "x")), Pair.of("a", Pair.of(3, "x")));
        assertThat(left.leftOuterJoin(right).collect()).containsExactlyInAnyOrder(
                Pair.of("a", Pair.of(1, Optional.of("x"))), Pair.of("a", Pair.of(3, Optional.of("x"))),
                Pair.of("b", Pair.of(2, Optional.empty())));
        assertThat(left.rightOuterJoin(right).collect()).containsExactlyInAnyOrder(
                Pair.of("a", Pair.of(Optional.of(1), "x")), Pair.of("a", Pair.of(Optional.of(3), "x")),
                Pair.of("c", Pair.of(Optional.empty(), "y")));
        assertThat(left.fullOuterJoin(right).collect()).containsExactlyInAnyOrder(
                Pair.of("a", Pair.of(Optional.of(1), Optional.of("x"))), Pair.of("a", Pair.of(Optional.of(3), Optional.of("x"))),
                Pair.of("b", Pair.of(Optional.of(2), Optional.empty())), Pair.of("c", Pair.of(Optional.empty(), Optional.of("y"))));
        assertThat(left.cogroup(right).collect()).containsExactlyInAnyOrder(
                Pair.of("a", Pair.of(List.of(1, 3), List.of("x"))), Pair.of("b", Pair.of(List.of(2), List.<String>of())),
                Pair.of("c", Pair.of(List.<Integer>of(), List.of("y"))));
        assertThat(left.join(PairBatch.<String, String>of(List.of())).collect()).isEmpty();
    }

    @Test
    void narrowOperationsKeepTimeAndPartitions() throws Exception {
        assertThat(left.keys().collect()).containsExactly("a", "b", "a");
        assertThat(left.values().collect()).containsExactly(1, 2, 3);
        assertThat(left.mapValues(v -> v * 10).collect()).containsExactly(Pair.of("a", 10), Pair.of("b", 20), Pair.of("a", 30));
        assertThat(left.flatMapValues(v -> List.of(v, v)).count()).isEqualTo(6);
        assertThat(left.filter(p -> p.value() > 1).numPartitions()).isEqualTo(2);
        assertThat(left.union(PairBatch.of(java.util.Map.of("z", 9))).collect()).endsWith(Pair.of("z", 9));
    }
}
