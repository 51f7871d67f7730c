package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failure anywhere stops the context and reaches awaitTermination, naming where and when. */
class StreamingContextFailureTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc =
            StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(2).build(), SECOND);

    @AfterEach
    void stopContext() {
        ssc.stop();
    }

    /** A source whose behaviour each test sets, and which records what the context did to it. */
    private static class ScriptedSource implements StreamSource<String> {
        volatile Exception onStart;
        volatile Exception onNextBatch;
        volatile SourceContext context;
        volatile boolean started;
        volatile boolean stopped;

        @Override
        public void start(SourceContext context) throws Exception {
            this.context = context;
            if (onStart != null) {
                throw onStart;
            }
            started = true;
        }

        @Override
        public List<List<String>> nextBatch(Time batchTime) throws Exception {
            if (onNextBatch != null) {
                throw onNextBatch;
            }
            return List.of(List.of("record"));
        }

        @Override
        public boolean hasPendingRecords() {
            return false;
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    @Test
    void aUserFunctionThatThrowsStopsTheContextAndReachesAwaitTermination() {
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("x")))))
                .map(line -> {
                    throw new IllegalStateException("cannot parse " + line);
                })
                .named("parsed")
                .foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(TIMEOUT))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                    assertThat(e.stage()).isEqualTo("parsed");
                    assertThat(e.batchTime()).isEqualTo(Time.ofMillis(1000));
                })
                .hasMessage("pipeline 'sluice': stage 'parsed' failed in the batch of 1000 ms:"
                        + " java.lang.IllegalStateException: cannot parse x (on the record x)")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.STOPPED);
        assertThatThrownBy(ssc::awaitTermination).isInstanceOf(BatchFailedException.class);
    }

    @Test
    void theFailureNamesTheRecordAUserFunctionThrewOn() {
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("a 1", "b two")))))
                .mapToPair(line -> Pair.of(line, Integer.parseInt(line.split(" ")[1])))
                .named("parsed")
                .foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(TIMEOUT))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                    assertThat(e.failingRecord()).contains("b two");
                    assertThat(e.getCause()).isInstanceOf(NumberFormatException.class);
                })
                .hasMessage("pipeline 'sluice': stage 'parsed' failed in the batch of 1000 ms:"
                        + " java.lang.NumberFormatException: For input string: \"two\" (on the record b two)");
    }

    @Test
    void aHugeFailingRecordIsCutInTheMessage() {
        String huge = "y".repeat(10_000);
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of(huge)))))
                .filter(line -> line.length() < 3 || Integer.parseInt(line) > 0)
                .named("kept")
                .foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(TIMEOUT))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> assertThat(e.failingRecord())
                        .contains("y".repeat(200) + "... (10000 characters)"))
                .hasMessageEndingWith("... (10000 characters))");
    }

    @Test
    void aSinkThatThrowsIsNamedByItsOutputName() {
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<List<String>>())).foreachRDD("database", batch -> {
            throw new IOException("connection refused");
        });
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(ssc::awaitTermination)
                .isInstanceOf(BatchFailedException.class)
                .hasMessage("pipeline 'sluice': stage 'database' failed in the batch of 1000 ms: java.io.IOException: connection refused");
    }

    @Test
    void aFailingStepOfACompositeOperatorIsNamedByTheStreamTheUserNamed() {
        ssc.sourceStream("numbers", Sources.queue(new ArrayDeque<>(List.of(List.of(1, 2)))))
                .reduceByWindow((a, b) -> a / (b - b), SECOND.multipliedBy(2), SECOND)
                .named("ratios")
                .foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(ssc::awaitTermination)
                .isInstanceOf(BatchFailedException.class)
                .hasMessageStartingWith("pipeline 'sluice': stage 'ratios' failed in the batch of 1000 ms: java.lang.ArithmeticException");
    }

    @Test
    void aSourceThatFailsToGiveItsBatchIsNamed() {
        ScriptedSource source = new ScriptedSource();
        source.onNextBatch = new IOException("disk gone");
        ssc.sourceStream("files", source).foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(ssc::awaitTermination)
                .isInstanceOf(BatchFailedException.class)
                .hasMessage("pipeline 'sluice': stage 'files' failed in the batch of 1000 ms: java.io.IOException: disk gone");
        assertThat(source.stopped).isTrue();
    }

    @Test
    void aSourceThatGivesANullRecordIsNamed() {
        ssc.sourceStream("nulls", new ScriptedSource() {
            @Override
            public List<List<String>> nextBatch(Time batchTime) {
                return List.of(java.util.Arrays.asList("a", null));
            }
        }).foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(ssc::awaitTermination)
                .isInstanceOf(BatchFailedException.class)
                .hasMessageStartingWith("pipeline 'sluice': stage 'nulls' failed in the batch of 1000 ms")
                .hasMessageEndingWith("the source returned a null partition or record; streams hold no null records");
    }

    @Test
    void aSourceThatCannotStartFailsStartAndStopsTheContext() {
        ScriptedSource good = new ScriptedSource();
        ScriptedSource bad = new ScriptedSource();
        bad.onStart = new IOException("port in use");
        ssc.sourceStream("good", good).foreachRDD("out1", batch -> {});
        ssc.sourceStream("bad", bad).foreachRDD("out2", batch -> {});
        assertThatThrownBy(ssc::start)
                .isInstanceOf(StreamingException.class)
                .hasMessage("the source of stream 'bad' could not start: java.io.IOException: port in use");
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.STOPPED);
        assertThat(good.stopped).as("the source started before is stopped").isTrue();
    }

    @Test
    void aFatalErrorReportedByASourceStopsTheContext() {
        ScriptedSource source = new ScriptedSource();
        ssc.sourceStream("socket", source).foreachRDD("out", batch -> {});
        ssc.start();
        assertThat(source.context.streamName()).isEqualTo("socket");
        source.context.reportError("a warning only", null, false);
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.ACTIVE);
        source.context.reportError("connection lost", new IOException("reset"), true);
        assertThatThrownBy(ssc::awaitTermination)
                .isInstanceOf(StreamingException.class)
                .hasMessage("the source of stream 'socket' failed: connection lost")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void everyBatchIsReportedWithItsRecordsAndDelays() throws InterruptedException {
        List<BatchInfo> infos = new CopyOnWriteArrayList<>();
        ssc.addStreamingListener(infos::add);
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("a", "b", "c")))))
                .foreachRDD("slow", batch -> {
                    if (batch.time().milliseconds() == 1000) {
                        clock.advance(Duration.ofMillis(2500));   // this batch takes 2.5 s
                    }
                });
        ssc.start();
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(3, TIMEOUT)).isTrue();
        assertThat(infos).extracting(BatchInfo::batchTime)
                .containsExactly(Time.ofMillis(1000), Time.ofMillis(2000), Time.ofMillis(3000));
        assertThat(infos).extracting(BatchInfo::numRecords).containsExactly(3L, 0L, 0L);
        assertThat(infos.get(0).processingTime()).isEqualTo(Duration.ofMillis(2500));
        assertThat(infos).extracting(BatchInfo::schedulingDelay)
                .containsExactly(Duration.ZERO, Duration.ofMillis(1500), Duration.ofMillis(500));
        assertThat(infos).extracting(BatchInfo::totalDelay)
                .containsExactly(Duration.ofMillis(2500), Duration.ofMillis(1500), Duration.ofMillis(500));
    }
}
