package dev.sluice.benchmarks.jmh;

import dev.sluice.benchmarks.Corpus;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.executor.NarrowStep;
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
    private final NarrowStep<String, String> words = NarrowFunctions.flatMap(line -> Arrays.asList(line.split(" ")));
    private final NarrowStep<String, Pair<String, Integer>> pairs = NarrowFunctions.mapToPair(word -> Pair.of(word, 1));
    private final PartitionFunction<String, String> wordsPerPartition = words.perPartition();
    private final PartitionFunction<String, Pair<String, Integer>> pairsPerPartition = pairs.perPartition();
    private final PartitionFunction<String, Pair<String, Integer>> pipelined = words.andThen(pairs).perPartition();

    @Setup
    public void setUp() {
        partition = Corpus.lines(10_000);
    }

    @Benchmark
    public List<String> flatMap() throws Exception {
        return wordsPerPartition.apply(partition);
    }

    /** Two stages, a list of words between them. */
    @Benchmark
    public List<Pair<String, Integer>> flatMapThenMapToPair() throws Exception {
        return pairsPerPartition.apply(wordsPerPartition.apply(partition));
    }

    /** The same two operators pipelined record by record, one list at the end. */
    @Benchmark
    public List<Pair<String, Integer>> flatMapAndMapToPairPipelined() throws Exception {
        return pipelined.apply(partition);
    }
}
