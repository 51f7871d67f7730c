package dev.sluice.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PipelineTestDriverTest {

    @Test
    void drivesAGeneratedStyleWiringBatchByBatch() {
        WordCountPipeline pipeline = new WordCountPipeline();
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> WordCountPipeline.wire(pipeline, config))) {
            TestInput<String> lines = driver.input("lines");
            lines.add("a b c d a b c d a a a");
            Time first = driver.advance();
            Time second = driver.advance();
            lines.add("b");
            Time third = driver.advance();

            assertThat(List.of(first, second, third))
                    .containsExactly(Time.ofMillis(5_000), Time.ofMillis(10_000), Time.ofMillis(15_000));
            TestOutput<Pair<String, Integer>> counts = driver.output("save");
            assertThat(counts.batch(first)).containsExactlyInAnyOrder(
                    Pair.of("a", 5), Pair.of("b", 2), Pair.of("c", 2), Pair.of("d", 2));
            assertThat(counts.batch(second)).isEmpty();
            assertThat(counts.batches()).extracting(OutputBatch::time).containsExactly(first, second, third);
            assertThat(counts.batch(third)).containsExactly(Pair.of("b", 1));
            // The pipeline's own sink still ran, for every batch.
            assertThat(pipeline.written).containsExactly("5000 ms 4", "10000 ms 0", "15000 ms 1");
        }
    }

    @Test
    void aCheckedExceptionOfAUserMethodSurfacesFromAdvanceWithStageAndTime() {
        WordCountPipeline pipeline = new WordCountPipeline();
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> WordCountPipeline.wire(pipeline, config))) {
            driver.<String>input("lines").add("fine", "bad\u0000line");
            assertThatThrownBy(driver::advance)
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessage("pipeline 'sluice': stage 'words' failed in the batch of 5000 ms: java.io.IOException: binary input"
                            + " (on the record bad\u0000line)")
                    .hasCauseInstanceOf(IOException.class);
            assertThatThrownBy(() -> driver.context().awaitTermination()).isInstanceOf(BatchFailedException.class);
            assertThat(driver.context().state()).isEqualTo(StreamingContext.State.STOPPED);
        }
    }

    @Test
    void drivesAHandWrittenFluentPipeline() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(
                StreamingConfig.builder().parallelism(3).build(),
                config -> {
                    StreamingContext ssc = StreamingContext.create(config, Duration.ofMillis(100));
                    ssc.pairSourceStream("scores", Sources.queue(new ArrayDeque<List<Pair<String, Integer>>>()))
                            .filter(score -> score.value() > 0)
                            .reduceByKey(Math::max)
                            .mapValues(max -> "best " + max)
                            .foreachRDD("best", batch -> {});
                    return ssc;
                })) {
            driver.<Pair<String, Integer>>input("scores")
                    .add(Pair.of("ann", 3), Pair.of("bob", -1))
                    .addPartition(List.of(Pair.of("ann", 7), Pair.of("cy", 2)));
            Time t = driver.advance();
            assertThat(t).isEqualTo(Time.ofMillis(100));
            assertThat(driver.<Pair<String, String>>output("best").batch(t))
                    .containsExactlyInAnyOrder(Pair.of("ann", "best 7"), Pair.of("cy", "best 2"));
        }
    }

    @Test
    void advanceOfManyBatchesReturnsTheLastTime() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> WordCountPipeline.wire(new WordCountPipeline(), config))) {
            assertThat(driver.advance(4)).isEqualTo(Time.ofMillis(20_000));
            assertThat(driver.time()).isEqualTo(Time.ofMillis(20_000));
            assertThat(driver.output("save").times()).hasSize(4);
            assertThatThrownBy(() -> driver.advance(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unknownNamesAreRejectedListingTheNamesThatExist() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> WordCountPipeline.wire(new WordCountPipeline(), config))) {
            assertThatThrownBy(() -> driver.input("line"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the pipeline has no source stream named 'line'; its source streams are [lines]");
            assertThatThrownBy(() -> driver.output("print"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the pipeline has no output named 'print'; its outputs are [save]");
            Time t = driver.advance();
            assertThatThrownBy(() -> driver.output("save").batch(Time.ofMillis(1)))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessage("output 'save' has no batch at 1 ms; it has batches at [" + t + "]");
        }
    }

    @Test
    void aFactoryMustUseTheConfigItIsGiven() {
        assertThatThrownBy(() -> PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(StreamingConfig.defaults(), Duration.ofSeconds(1));
            ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())).foreachRDD("out", batch -> {});
            return ssc;
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must create its context with StreamingContext.create(config, ...)");
    }

    @Test
    void closingStopsTheContextAndAdvancingAfterwardsIsRejected() {
        PipelineTestDriver driver = PipelineTestDriver.create(config -> WordCountPipeline.wire(new WordCountPipeline(), config));
        driver.close();
        driver.close();
        assertThat(driver.context().state()).isEqualTo(StreamingContext.State.STOPPED);
        assertThatThrownBy(driver::advance).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot advance: the streaming context is STOPPED");
    }
}
