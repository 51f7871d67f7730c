package dev.sluice.benchmarks.jmh;

import dev.sluice.benchmarks.Corpus;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.executor.PartitionFunction;
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
import org.openjdk.jmh.annotations.Warmup;

/** The per-partition work of the word count's narrow operators: flatMap into words, then pair each with 1. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NarrowOperatorsBenchmark {

    /** One partition: 10,000 lines, 100,000 words. */
    private List<String> partition;
    private final PartitionFunction<String, String> words =
            NarrowFunctions.flatMap(line -> Arrays.asList(line.split(" ")));
    private final PartitionFunction<String, Pair<String, Integer>> pairs =
            NarrowFunctions.mapToPair(word -> Pair.of(word, 1));

    @Setup
    public void setUp() {
        partition = Corpus.lines(10_000);
    }

    @Benchmark
    public List<String> flatMap() throws Exception {
        return words.apply(partition);
    }

    @Benchmark
    public List<Pair<String, Integer>> flatMapThenMapToPair() throws Exception {
        return pairs.apply(words.apply(partition));
    }
}
