package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.source.Sources;
import dev.sluice.spark.testing.SparkTestDriver;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.FileInputDStream;
import org.apache.spark.streaming.dstream.SocketInputDStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sluice's built-in sources become Spark's own input streams; any other runs on the driver. */
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
}
