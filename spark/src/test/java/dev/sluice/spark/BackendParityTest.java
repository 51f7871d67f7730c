package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.spark.pipelines.EveryOperator;
import dev.sluice.spark.pipelines.EveryOperatorSparkWiring;
import dev.sluice.spark.pipelines.EveryOperatorWiring;
import dev.sluice.spark.pipelines.EveryStageKind;
import dev.sluice.spark.pipelines.EveryStageKindSparkWiring;
import dev.sluice.spark.pipelines.EveryStageKindWiring;
import dev.sluice.spark.pipelines.KeyedOperators;
import dev.sluice.spark.pipelines.KeyedOperatorsSparkWiring;
import dev.sluice.spark.pipelines.KeyedOperatorsWiring;
import dev.sluice.spark.testing.BackendComparison;
import dev.sluice.spark.testing.SparkTestDriver;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operator, generated for both backends from the same annotated classes, fed the same
 * batches: Spark's {@code local[2]} gives each output the records the lean runtime gives it,
 * batch for batch, through windows sliding out and state timing out. Each backend wires its own
 * instance: the lean wiring assigns the pipeline's stage fields, which Spark would not serialize.
 */
class BackendParityTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkTestDriver.configure(new SparkConf().setAppName("BackendParityTest")));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everyStageKind() throws Exception {
        BackendComparison comparison = BackendComparison.run(spark, config -> EveryStageKindWiring.wire(new EveryStageKind(), config),
                EveryStageKindSparkWiring.BATCH_INTERVAL, streams -> EveryStageKindSparkWiring.wire(new EveryStageKind(), streams),
                List.of(
                        Map.of("left", List.of("a b a", "  "), "right", List.of("B c")),
                        Map.of("left", List.of("c c")),
                        Map.of(),
                        Map.of("right", List.of("d"))),
                List.of("countsOut", "describedOut", "longestOut", "frequenciesOut", "recentOut", "windowedOut"));

        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.leanRecords()).isGreaterThan(20);
    }

    @Test
    void windowStateJoinAndWholeBatchOperators() throws Exception {
        BackendComparison comparison = BackendComparison.run(spark, config -> EveryOperatorWiring.wire(new EveryOperator(), config),
                EveryOperatorSparkWiring.BATCH_INTERVAL, streams -> EveryOperatorSparkWiring.wire(new EveryOperator(), streams),
                List.of(
                        Map.of("words", List.of("a", "bb", "a", "ccc", "dddd"),
                                "clicks", List.of(Pair.of("u1", 1), Pair.of("u2", 2), Pair.of("u1", 3)),
                                "names", List.of(Pair.of("u1", "Ann Lee"), Pair.of("u3", "Bo"))),
                        Map.of("words", List.of("a"), "clicks", List.of(Pair.of("u2", 5))),
                        Map.of(),
                        Map.of(),
                        Map.of("clicks", List.of(Pair.of("u1", 1)), "names", List.of(Pair.of("u1", "Ann")))),
                List.of("wordsPerWindowOut", "recentFrequenciesOut", "groupedOut", "recentlyGroupedOut",
                        "recentSumsOut", "recentLengthOut", "totalsOut", "sessionsOut", "sessionCountsOut",
                        "innerOut", "leftOuterOut", "rightOuterOut", "fullOuterOut", "cogroupedOut",
                        "namePartsOut", "partitionSizesOut", "upperOut", "knownOut"));

        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.leanRecords()).isGreaterThan(50);
    }

    @Test
    void recordOperatorsOnKeyedStreams() throws Exception {
        BackendComparison comparison = BackendComparison.run(spark, config -> KeyedOperatorsWiring.wire(new KeyedOperators(), config),
                KeyedOperatorsSparkWiring.BATCH_INTERVAL, streams -> KeyedOperatorsSparkWiring.wire(new KeyedOperators(), streams),
                List.of(
                        Map.of("scores", List.of(Pair.of("ann", 72), Pair.of("bo", 31), Pair.of("ann", 72)),
                                "bonuses", List.of(Pair.of("bo", 5))),
                        Map.of("scores", List.of(Pair.of("cy", 50))),
                        Map.of("bonuses", List.of(Pair.of("ann", -72))),
                        Map.of(),
                        Map.of(),
                        Map.of("scores", List.of(Pair.of("bo", 9)))),
                List.of("passedOut", "lineOut", "digitsOut", "namesOut", "byScoreOut", "sizesOut", "keysOut",
                        "recentOut", "recentCountOut", "repeatedOut", "sumsOut", "trendingOut", "recentBonusOut"));

        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.leanRecords()).isGreaterThan(40);
    }
}
