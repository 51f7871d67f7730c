package dev.sluice.benchmarks.jmh;

import dev.sluice.benchmarks.Corpus;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.executor.WorkerPool;
import java.util.ArrayList;
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
    private WorkerPool workers;

    @Setup
    public void setUp() {
        workers = new WorkerPool("jmh", 2);
        List<Pair<String, Integer>> all = new ArrayList<>();
        for (String line : Corpus.lines(10_000)) {
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

    @Benchmark
    public List<List<Pair<String, Integer>>> onTheCallingThread() throws Exception {
        return new KeyedReducer<String, Integer>(null, Integer::sum, 2).reduce(partitions);
    }
}
