package dev.sluice.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.Tuple2;

/**
 * The same word count on Spark Streaming, {@code local[2]}: {@code queueStream} of
 * {@code parallelize(batch, slices)}, flatMap {@code line.split(" ")}, mapToPair with 1,
 * reduceByKey with {@code Integer::sum}, and an output that adds up every count. Timed by
 * Spark's own {@link StreamingListener} (processing time per batch).
 */
final class SparkWordCount implements WordCountSystem {

    /** Written by the output, which runs on the driver; static so that no closure captures this object. */
    private static final AtomicLong WORDS_COUNTED = new AtomicLong();
    /** The words each batch counted, by batch time: Spark's queue stream reports no input records. */
    private static final Map<Long, Long> WORDS_BY_BATCH = new ConcurrentHashMap<>();

    private final JavaSparkContext sc;

    SparkWordCount() {
        SparkConf conf = new SparkConf()
                .setMaster("local[2]")
                .setAppName("wordcount")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
    }

    @Override
    public List<BatchTiming> run(List<List<String>> batches, Duration batchInterval, int slices) throws Exception {
        JavaStreamingContext ssc = new JavaStreamingContext(sc, Durations.milliseconds(batchInterval.toMillis()));
        Queue<JavaRDD<String>> queue = new ConcurrentLinkedQueue<>();
        for (List<String> batch : batches) {
            queue.add(sc.parallelize(batch, slices));
        }
        ssc.queueStream(queue, true)
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKey(Integer::sum)
                .foreachRDD((counts, time) -> {
                    long sum = 0;
                    for (Tuple2<String, Integer> count : counts.collect()) {
                        sum += count._2();
                    }
                    WORDS_COUNTED.addAndGet(sum);
                    WORDS_BY_BATCH.put(time.milliseconds(), sum);
                });
        BatchTimings timings = new BatchTimings(batches.size());
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
                BatchInfo info = completed.batchInfo();
                Long words = WORDS_BY_BATCH.remove(info.batchTime().milliseconds());
                if (words != null && words > 0) {
                    timings.add(new BatchTiming(info.batchTime().milliseconds(), (Long) info.schedulingDelay().get(),
                            (Long) info.processingDelay().get(), System.currentTimeMillis()));
                }
            }
        });
        ssc.start();
        try {
            return timings.await(600, TimeUnit.SECONDS);
        } finally {
            ssc.stop(false, false);
        }
    }

    @Override
    public long wordsCounted() {
        return WORDS_COUNTED.get();
    }

    @Override
    public void close() {
        sc.stop();
    }
}
