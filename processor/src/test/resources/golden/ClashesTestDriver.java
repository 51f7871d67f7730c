package test;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import dev.sluice.runtime.testing.TestOutput;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Runs the pipeline {@link Clashes} in a test, batch by batch on a manual clock, with a typed
 * method per source and per sink; built on {@link PipelineTestDriver}. The pipeline's own sources are
 * never started: each batch takes what the test fed. Its sinks still run.
 * <ul>
 *   <li>{@link #lines(String...)} feeds the source stream {@code lines} of {@link Clashes#lines()}
 *   <li>{@link #advanceInput(Pair...)} feeds the source stream {@code advance} of {@link Clashes#clicks()}
 *   <li>{@link #word_lists(List...)} feeds the source stream {@code word-lists} of {@link Clashes#lists()}
 *   <li>{@link #classInput(Object...)} feeds the source stream {@code class} of {@link Clashes#anything()}
 *   <li>{@link #linesOutput()} returns what the sink {@code lines}, {@link Clashes#echo()}, received
 *   <li>{@link #advanceOutput()} returns what the sink {@code advance}, {@link Clashes#groups(Batch)}, received
 *   <li>{@link #toStringOutput()} returns what the sink {@code toString}, {@link Clashes#saveLists(Time, List)}, received
 *   <li>{@link #everything()} returns what the sink {@code everything}, {@link Clashes#everything()}, received
 * </ul>
 *
 * <pre>{@code
 * try (ClashesTestDriver driver = ClashesTestDriver.create(pipeline)) {
 *     driver.lines(...);
 *     Time time = driver.advance();
 *     driver.linesOutput().batch(time);   // the records of that batch
 * }
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class ClashesTestDriver implements AutoCloseable {
    private final PipelineTestDriver driver;

    private ClashesTestDriver(PipelineTestDriver driver) {
        this.driver = driver;
    }

    /**
     * A started driver of {@code pipeline}, with the default configuration.
     *
     * @param pipeline the pipeline whose members the streams call
     * @return the driver, to close after the test
     */
    public static ClashesTestDriver create(Clashes pipeline) {
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
    public static ClashesTestDriver create(Clashes pipeline, StreamingConfig base) {
        PipelineTestDriver driver = PipelineTestDriver.create(base, config -> ClashesWiring.wire(pipeline, config));
        return new ClashesTestDriver(driver);
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code lines}, in place of
     * what {@link Clashes#lines()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    public ClashesTestDriver lines(String... records) {
        driver.<String>input("lines").add(records);
        return this;
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code lines}, in place of
     * what {@link Clashes#lines()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    public ClashesTestDriver lines(Collection<? extends String> records) {
        driver.<String>input("lines").addAll(records);
        return this;
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code advance}, in place of
     * what {@link Clashes#clicks()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    @SafeVarargs
    public final ClashesTestDriver advanceInput(Pair<String, Integer>... records) {
        TestInput<Pair<String, Integer>> input = driver.input("advance");
        for (Pair<String, Integer> record : records) {
            input.add(record);
        }
        return this;
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code advance}, in place of
     * what {@link Clashes#clicks()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    public ClashesTestDriver advanceInput(Collection<? extends Pair<String, Integer>> records) {
        driver.<Pair<String, Integer>>input("advance").addAll(records);
        return this;
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code word-lists}, in place of
     * what {@link Clashes#lists()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    @SafeVarargs
    public final ClashesTestDriver word_lists(List<Integer>... records) {
        TestInput<List<Integer>> input = driver.input("word-lists");
        for (List<Integer> record : records) {
            input.add(record);
        }
        return this;
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code word-lists}, in place of
     * what {@link Clashes#lists()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    public ClashesTestDriver word_lists(Collection<? extends List<Integer>> records) {
        driver.<List<Integer>>input("word-lists").addAll(records);
        return this;
    }

    /**
     * Adds {@code records} to the next batch of the source stream {@code class}, in place of
     * what {@link Clashes#anything()} would read.
     *
     * @param records the records, in order, in the batch's last partition
     * @return this driver
     */
    public ClashesTestDriver classInput(Object... records) {
        driver.<Object>input("class").add(records);
        return this;
    }

    /**
     * What the sink {@code lines} received, batch by batch, before {@link Clashes#echo()} wrote it.
     *
     * @return the records of each batch so far
     */
    public TestOutput<String> linesOutput() {
        return driver.output("lines");
    }

    /**
     * What the sink {@code advance} received, batch by batch, before {@link Clashes#groups(Batch)} wrote it.
     *
     * @return the records of each batch so far
     */
    public TestOutput<Pair<String, List<Integer>>> advanceOutput() {
        return driver.output("advance");
    }

    /**
     * What the sink {@code toString} received, batch by batch, before {@link Clashes#saveLists(Time, List)} wrote it.
     *
     * @return the records of each batch so far
     */
    public TestOutput<List<Integer>> toStringOutput() {
        return driver.output("toString");
    }

    /**
     * What the sink {@code everything} received, batch by batch, before {@link Clashes#everything()} wrote it.
     *
     * @return the records of each batch so far
     */
    public TestOutput<Object> everything() {
        return driver.output("everything");
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
    public ClashesTestDriver withTimeout(Duration timeout) {
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
