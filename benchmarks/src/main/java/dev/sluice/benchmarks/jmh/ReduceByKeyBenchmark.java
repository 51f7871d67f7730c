package dev.sluice.benchmarks.jmh;

import dev.sluice.benchmarks.Corpus;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.executor.NarrowStep;
import dev.sluice.runtime.executor.WorkerPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The shuffle of reduceByKey: two partitions of (word, 1) pairs combined per key, then merged by key hash. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReduceByKeyBenchmark {

    /** Two partitions of 50,000 pairs each, Zipf-distributed words of the corpus. */
    private List<List<Pair<String, Integer>>> partitions;
    /** The same words as two partitions of 5,000 lines, before flatMap and mapToPair. */
    private List<List<String>> linePartitions;
    private final NarrowStep<String, Pair<String, Integer>> wordsAndOnes = NarrowFunctions
            .<String, String>flatMap(line -> Arrays.asList(line.split(" ")))
            .andThen(NarrowFunctions.mapToPair(word -> Pair.of(word, 1)));
    private WorkerPool workers;

    @Setup
    public void setUp() {
        workers = new WorkerPool("jmh", 2);
        List<Pair<String, Integer>> all = new ArrayList<>();
        List<String> lines = Corpus.lines(10_000);
        linePartitions = List.of(lines.subList(0, 5_000), lines.subList(5_000, 10_000));
        for (String line : lines) {
            for (String word : line.split(" ")) {
                all.add(Pair.of(word, 1));
            }
        }
        partitions = List.of(all.subList(0, all.size() / 2), all.subList(all.size() / 2, all.size()));
    }

    @TearDown
    public void tearDown() {
        workers.close();
    }

    @Benchmark
    public List<List<Pair<String, Integer>>> onTwoWorkers() throws Exception {
        return new KeyedReducer<String, Integer>(workers, Integer::sum, 2).reduce(partitions);
    }

    /** flatMap and mapToPair pipelined into the map-side combine, from the lines. */
    @Benchmark
    public List<List<Pair<String, Integer>>> fromLinesPipelinedOnTwoWorkers() throws Exception {
        return new KeyedReducer<String, Integer>(workers, Integer::sum, 2).reduce(linePartitions, wordsAndOnes);
    }

    @Benchmark
    public List<List<Pair<String, Integer>>> onTheCallingThread() throws Exception {
        return new KeyedReducer<String, Integer>(null, Integer::sum, 2).reduce(partitions);
    }
}
