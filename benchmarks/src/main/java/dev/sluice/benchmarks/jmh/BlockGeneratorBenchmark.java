package dev.sluice.benchmarks.jmh;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.receiver.BlockGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A receiver's buffer: adding records one by one, cutting a block every 1,000, draining every 10,000. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BlockGeneratorBenchmark {

    private static final int RECORDS = 10_000;

    private final ManualClock clock = new ManualClock();
    private final BlockGenerator<String> blocks = new BlockGenerator<>(clock, Duration.ofMillis(200), RECORDS);

    /** Time per record added. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<String>> addCutAndDrain() throws InterruptedException {
        for (int i = 0; i < RECORDS; i++) {
            blocks.add("w1 w2 w3");
            if (i % 1_000 == 999) {
                clock.advance(Duration.ofMillis(200));
            }
        }
        return blocks.drain();
    }
}
