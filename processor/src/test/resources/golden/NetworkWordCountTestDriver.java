package test;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestOutput;
import java.time.Duration;
import java.util.Collection;
import javax.annotation.processing.Generated;

/**
 * Runs the pipeline {@link NetworkWordCount} in a test, batch by batch on a manual clock, with a typed
 * method per source and per sink; built on {@link PipelineTestDriver}. The pipeline's own sources are
 * never started: each batch takes what the test fed. Its sinks still run.
 * <ul>
 *   <li>{@link #lines(String...)} feeds the source stream {@code lines} of {@link NetworkWordCount#lines()}
 *   <li>{@link #print()} returns what the sink {@code print}, {@link NetworkWordCount#print()}, received
 * </ul>
 *
 * <pre>{@code
 * try (NetworkWordCountTestDriver driver = NetworkWordCountTestDriver.create(pipeline)) {
 *     driver.lines(...);
 *     Time time = driver.advance();
 *     driver.print().batch(time);   // the records of that batch
 * }
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class NetworkWordCountTestDriver implements AutoCloseable {
    private final PipelineTestDriver driver;

    private NetworkWordCountTestDriver(PipelineTestDriver driver) {
        this.driver = driver;
    }

    /**
     * A started driver of {@code pipeline}, with the default configuration.
     *
     * @param pipeline the pipeline whose members the streams call
     * @return the driver, to close after the test
     */
    public static NetworkWordCountTestDriver create(NetworkWordCount pipeline) {
        return create(pipeline, StreamingConfig.defaults());
    }

    /**
     * A started driver of {@code pipeline}, with {@code base} (for example its parallelism)
     * except for the clock, the sources and the sinks, which the driver provides.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param base the configuration to start from
     * @return the driver, to close after the test
     */
    public static NetworkWordCountTestDriver create(NetworkWordCount pipeline,
            StreamingConfig base) {
        PipelineTestDriver driver = PipelineTestDriver.create(base, config -> NetworkWordCountWiring.wire(pipeline, config));
        return new NetworkWordCountTestDriver(driver);
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code lines}, in place of
     * what {@link NetworkWordCount#lines()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    public NetworkWordCountTestDriver lines(String... records) {
        driver.<String>input("lines").add(records);
        return this;
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code lines}, in place of
     * what {@link NetworkWordCount#lines()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    public NetworkWordCountTestDriver lines(Collection<? extends String> records) {
        driver.<String>input("lines").addAll(records);
        return this;
    }

    /**
     * What the sink {@code print} received, batch by batch, before {@link NetworkWordCount#print()} wrote it.
     *
     * @return the records of each batch so far
     */
    public TestOutput<Pair<String, Integer>> print() {
        return driver.output("print");
    }

    /**
     * Runs exactly one batch: moves the clock one batch interval and waits until the
     * batch's jobs are done.
     *
     * @return the batch's time
     * @see PipelineTestDriver#advance()
     */
    public Time advance() {
        return driver.advance();
    }

    /**
     * Runs {@code batches} batches, one after another.
     *
     * @param batches how many batches to run, at least 1
     * @return the time of the last one
     */
    public Time advance(int batches) {
        return driver.advance(batches);
    }

    /**
     * The current time of the driver's clock: the last batch's time, or 0 before the first.
     *
     * @return the clock's time
     */
    public Time time() {
        return driver.time();
    }

    /**
     * Sets how long {@link #advance()} waits for a batch before it fails.
     *
     * @param timeout a positive duration
     * @return this driver
     */
    public NetworkWordCountTestDriver withTimeout(Duration timeout) {
        driver.withTimeout(timeout);
        return this;
    }

    /**
     * The generic driver underneath, for what the typed methods leave out: a batch of
     * several partitions, the running context.
     *
     * @return the driver this one is built on
     */
    public PipelineTestDriver generic() {
        return driver;
    }

    /**
     * Stops the pipeline, at once; records fed but not run are dropped.
     */
    @Override
    public void close() {
        driver.close();
    }
}
