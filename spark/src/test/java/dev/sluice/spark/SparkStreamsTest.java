package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import dev.sluice.spark.testing.SparkTestDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.FileInputDStream;
import org.apache.spark.streaming.dstream.SocketInputDStream;
import org.apache.spark.util.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice's built-in sources become Spark's own input streams; any other runs on the driver, is
 * asked for each batch's records and told of each batch whose outputs succeeded.
 */
class SparkStreamsTest {

    private static JavaSparkContext spark;

    @TempDir
    Path directory;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkTestDriver.configure(new SparkConf().setAppName("SparkStreamsTest")));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void socketTextIsSocketTextStreamAndTextFilesIsTextFileStream() {
        JavaStreamingContext context = new JavaStreamingContext(spark, new org.apache.spark.streaming.Duration(1000));
        try {
            SparkStreams streams = SparkStreams.on(context);

            assertThat(streams.source("lines", Sources.socketText("127.0.0.1", 9999)).dstream())
                    .isInstanceOf(SocketInputDStream.class);
            assertThat(streams.source("files", Sources.textFiles(directory)).dstream().dependencies().head())
                    .isInstanceOf(FileInputDStream.class);
            assertThat(streams.source("queued", Sources.queue(new ArrayDeque<List<String>>())).dstream())
                    .isInstanceOf(StreamSourceInputDStream.class);
        } finally {
            context.stop(false, false);
        }
    }

    @Test
    void textFilesMovedIntoTheDirectoryAreTheLinesOfTheBatchTheyArriveIn(@TempDir Path staging) throws Exception {
        JavaStreamingContext context = new JavaStreamingContext(spark, new org.apache.spark.streaming.Duration(1000));
        BlockingQueue<List<String>> written = new LinkedBlockingQueue<>();
        try {
            SparkStreams streams = SparkStreams.on(context);
            streams.output("lines", streams.source("files", Sources.textFiles(directory)),
                    batch -> written.add(batch.collect()));
            context.start();
            ManualClock clock = (ManualClock) context.ssc().scheduler().clock();

            // Spark's file stream takes the files modified up to the batch time of its clock, the manual one here.
            moveIn(staging, "first.txt", "a b\nc", 500);
            clock.advance(1000);
            assertThat(written.poll(60, TimeUnit.SECONDS)).containsExactlyInAnyOrder("a b", "c");

            moveIn(staging, "second.txt", "d", 1500);
            moveIn(staging, "third.txt", "e\nf", 1600);
            clock.advance(1000);
            assertThat(written.poll(60, TimeUnit.SECONDS)).containsExactlyInAnyOrder("d", "e", "f");

            clock.advance(1000);
            assertThat(written.poll(60, TimeUnit.SECONDS)).isEmpty();
        } finally {
            context.stop(false, false);
        }
    }

    /** Writes a file outside the directory and moves it in whole, as a user should. */
    private void moveIn(Path staging, String name, String text, long modifiedMillis) throws Exception {
        Path written = Files.writeString(staging.resolve(name), text);
        Files.setLastModifiedTime(written, FileTime.fromMillis(modifiedMillis));
        Files.move(written, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aSourceOnTheDriverGivesEachBatchAndHearsWhichSucceeded() throws Exception {
        JavaStreamingContext context = new JavaStreamingContext(spark, new org.apache.spark.streaming.Duration(1000));
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        CountDownLatch written = new CountDownLatch(2);
        List<List<String>> received = new CopyOnWriteArrayList<>();
        StreamSource<String> numbers = new StreamSource<>() {
            @Override
            public void start(SourceContext sourceContext) {}

            @Override
            public List<List<String>> nextBatch(Time batchTime) {
                return List.of(List.of("at " + batchTime.milliseconds()));
            }

            @Override
            public boolean hasPendingRecords() {
                return false;
            }

            @Override
            public void batchSucceeded(Time batchTime) {
                acknowledged.add(batchTime.milliseconds());
                written.countDown();
            }

            @Override
            public void stop() {}
        };
        try {
            SparkStreams streams = SparkStreams.on(context);
            streams.output("collect", streams.source("numbers", numbers), batch -> received.add(batch.collect()));
            context.start();
            ManualClock clock = (ManualClock) context.ssc().scheduler().clock();
            clock.advance(1000);
            clock.advance(1000);

            assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(received).containsExactly(List.of("at 1000"), List.of("at 2000"));
            assertThat(acknowledged).containsExactly(1000L, 2000L);
        } finally {
            context.stop(false, false);
        }
    }
}
