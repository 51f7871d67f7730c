package dev.sluice.spark.testing;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.PipelineFactory;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestOutput;
import dev.sluice.spark.SparkStreams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Duration;

/**
 * One pipeline fed the same input batches on both backends, and what each of its outputs got
 * per batch on each: the lean wiring under {@code PipelineTestDriver}, the Spark wiring under
 * {@link SparkTestDriver}. Neither backend orders the records of a batch, nor the values of a
 * group, so each batch is compared as a sorted list of its records, each printed with its
 * lists sorted; {@link #NO_BATCH} stands for a batch in which the output was not called.
 *
 * <pre>{@code
 * BackendComparison comparison = BackendComparison.run(spark,
 *         config -> NetworkWordCountWiring.wire(pipeline, config),
 *         NetworkWordCountSparkWiring.BATCH_INTERVAL, streams -> NetworkWordCountSparkWiring.wire(pipeline, streams),
 *         List.of(Map.of("lines", List.of("a b a")), Map.of()), List.of("print"));
 * assertThat(comparison.differences()).isEmpty();
 * }</pre>
 *
 * @param lean per output, the records of each batch on the lean runtime
 * @param spark per output, the records of each batch on Spark
 */
public record BackendComparison(Map<String, List<List<String>>> lean, Map<String, List<List<String>>> spark) {

    /** A batch in which the output was not called, as a window sliding by more than a batch. */
    public static final List<String> NO_BATCH = List.of("(no batch)");

    /**
     * Runs {@code batches} (each the records every source stream gets in that batch, by stream
     * name) through both wirings and reads {@code outputs} after every batch.
     */
    public static BackendComparison run(JavaSparkContext sparkContext, PipelineFactory leanWiring,
            Duration sparkBatchInterval, Consumer<SparkStreams> sparkWiring, List<Map<String, List<?>>> batches,
            Collection<String> outputs) throws Exception {
        Map<String, List<List<String>>> lean = new LinkedHashMap<>();
        try (PipelineTestDriver driver = PipelineTestDriver.create(leanWiring)) {
            for (Map<String, List<?>> batch : batches) {
                batch.forEach((stream, records) -> driver.input(stream).addAll(records));
                Time time = driver.advance();
                for (String output : outputs) {
                    TestOutput<Object> written = driver.output(output);
                    lean.computeIfAbsent(output, name -> new ArrayList<>())
                            .add(written.times().contains(time) ? canonical(written.batch(time)) : NO_BATCH);
                }
            }
        }
        Map<String, List<List<String>>> spark = new LinkedHashMap<>();
        try (SparkTestDriver driver = SparkTestDriver.create(sparkContext, sparkBatchInterval, sparkWiring)) {
            for (Map<String, List<?>> batch : batches) {
                batch.forEach((stream, records) -> driver.input(stream).addAll(records));
                int number = driver.advance();
                for (String output : outputs) {
                    spark.computeIfAbsent(output, name -> new ArrayList<>())
                            .add(driver.output(output, number).map(BackendComparison::canonical).orElse(NO_BATCH));
                }
            }
        }
        return new BackendComparison(lean, spark);
    }

    /** Every batch of an output whose records differ, as {@code "print, batch 2: lean [...], Spark [...]"}. */
    public List<String> differences() {
        List<String> differences = new ArrayList<>();
        lean.forEach((output, leanBatches) -> {
            List<List<String>> sparkBatches = spark.getOrDefault(output, List.of());
            for (int i = 0; i < leanBatches.size(); i++) {
                List<String> onSpark = i < sparkBatches.size() ? sparkBatches.get(i) : null;
                if (!leanBatches.get(i).equals(onSpark)) {
                    differences.add(output + ", batch " + (i + 1) + ": lean " + leanBatches.get(i) + ", Spark "
                            + onSpark);
                }
            }
        });
        return differences;
    }

    /** How many records the lean runtime wrote in all, to check that a comparison compared something. */
    public long leanRecords() {
        return lean.values().stream().flatMap(List::stream).filter(batch -> batch != NO_BATCH)
                .mapToLong(List::size).sum();
    }

    private static List<String> canonical(List<?> records) {
        List<String> printed = new ArrayList<>();
        records.forEach(record -> printed.add(print(record)));
        printed.sort(null);
        return printed;
    }

    private static String print(Object record) {
        if (record instanceof Pair<?, ?> pair) {
            return "(" + print(pair.key()) + "," + print(pair.value()) + ")";
        }
        if (record instanceof List<?> list) {
            return canonical(list).toString();
        }
        if (record instanceof Optional<?> optional) {
            return optional.map(value -> "Optional[" + print(value) + "]").orElse("Optional.empty");
        }
        return String.valueOf(record);
    }
}
