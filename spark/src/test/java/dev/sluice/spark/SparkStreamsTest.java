package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import dev.sluice.spark.testing.SparkTestDriver;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
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
