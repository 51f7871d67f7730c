package dev.sluice.benchmarks.memory;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.source.receiver.ReceiverSource;
import dev.sluice.runtime.source.receiver.SocketTextOptions;
import dev.sluice.runtime.source.receiver.SocketTextReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A producer far faster than the pipeline, for a stream of a given length: a TCP peer on
 * 127.0.0.1 writes numbered 100-byte lines as fast as it can into a socket-source pipeline whose
 * map stage spends a fixed amount of work on every line, so the pipeline is the bottleneck
 * throughout. Prints one JSON object: the live heap's peak (sampled after forced full
 * collections) against the stream's length, whether the output saw every line exactly once
 * and in order, and how fast the scheduling delay fell back once the producer stopped.
 *
 * <p>Modes: {@code bounded} (the defaults: at most 4 pending batches, no rate control),
 * {@code backpressure} (the same with {@code backpressure(true)}), and {@code unbounded}
 * ({@code maxPendingBatches(Integer.MAX_VALUE)}: batches queue without limit, to show what the
 * bound prevents).
 *
 * <pre>{@code
 * java -Xms512m -Xmx512m -cp ... dev.sluice.benchmarks.memory.SustainedLoadBenchmark 5000000 bounded
 * }</pre>
 */
public final class SustainedLoadBenchmark {

    static final Duration BATCH_INTERVAL = Duration.ofMillis(100);
    static final Duration BLOCK_INTERVAL = Duration.ofMillis(25);
    static final int BUFFER_CAPACITY = 50_000;
    /** Passes of a hash over each line's characters in the map stage: the pipeline's deliberate per-record cost. */
    static final int DEFAULT_WORK = 40;
    static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(20);

    private SustainedLoadBenchmark() {}

    /** One parsed line: its number, and the result of the work done on it (so the work is kept). */
    record Line(long number, int work) {}

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String mode = args.length > 1 ? args[1] : "bounded";
        int work = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WORK;
        StreamingConfig.Builder config = StreamingConfig.builder().name("sustained-load").parallelism(2)
                .blockInterval(BLOCK_INTERVAL).bufferCapacity(BUFFER_CAPACITY);
        switch (mode) {
            case "bounded" -> { }
            case "backpressure" -> config.backpressure(true);
            case "unbounded" -> config.maxPendingBatches(Integer.MAX_VALUE);
            default -> throw new IllegalArgumentException("unknown mode " + mode + "; expected bounded, backpressure or unbounded");
        }
        long baseline = HeapSampler.liveBytesNow();
        try (LineFlood flood = LineFlood.onFreePort(lines); HeapSampler heap = HeapSampler.every(500)) {
            run(lines, mode, work, config.build(), flood, heap, baseline);
        }
    }

    private static void run(long lines, String mode, int work, StreamingConfig config, LineFlood flood,
            HeapSampler heap, long baseline) throws Exception {
        StreamingContext ssc = StreamingContext.create(config, BATCH_INTERVAL);
        ReceiverSource<String> source = new ReceiverSource<>(new SocketTextReceiver("127.0.0.1", flood.port(),
                SocketTextOptions.builder().reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1)).build()));
        SequenceCheck check = new SequenceCheck();
        ssc.sourceStream("lines", source)
                .map(line -> parse(line, work))
                .foreachRDD("check", check::accept);
        List<BatchInfo> batches = new CopyOnWriteArrayList<>();
        AtomicLong maxSchedulingDelay = new AtomicLong();
        ssc.addStreamingListener(info -> {
            batches.add(info);
            maxSchedulingDelay.accumulateAndGet(info.schedulingDelay().toMillis(), Math::max);
        });
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        ssc.start();
        flood.start();
        try {
            while (check.processed() < lines) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + check.processed() + " of " + lines + " lines processed in time");
                }
                Thread.sleep(2_000);
                System.err.printf(Locale.ROOT, "%s %d lines: sent %d, processed %d, live heap %.1f MB, pending batches %d%n",
                        mode, lines, flood.sent(), check.processed(), mb(heap.lastLiveBytes()), ssc.pendingBatches());
            }
            flood.awaitEnd(TIMEOUT_MILLIS);
            long lastRecordNanos = check.lastRecordNanos();
            long lastRecordMillis = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRecordNanos);
            BatchInfo settled = awaitCaughtUp(batches, lastRecordMillis, deadline);
            double seconds = (lastRecordNanos - start) / 1e9;
            System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"lines\":%d,\"work\":%d,\"seconds\":%.1f,\"lines_per_s\":%.0f,"
                            + "\"baseline_live_heap_mb\":%.1f,\"peak_live_heap_mb\":%.1f,\"peak_after_gc_heap_mb\":%.1f,"
                            + "\"heap_samples\":%d,\"max_heap_mb\":%.0f,\"processed\":%d,\"out_of_sequence\":%d,"
                            + "\"peak_buffered_records\":%d,\"peak_pending_batches\":%d,\"max_scheduling_delay_ms\":%d,"
                            + "\"producer_end_to_last_record_ms\":%d,\"scheduling_delay_after_catch_up_ms\":%d}%n",
                    mode, lines, work, seconds, lines / seconds, mb(baseline), mb(heap.peakLiveBytes()),
                    mb(heap.peakAfterGcBytes()), heap.samples(), mb(Runtime.getRuntime().maxMemory()), check.processed(),
                    check.outOfSequence(), source.peakBufferedRecords(), ssc.peakPendingBatches(),
                    maxSchedulingDelay.get(), TimeUnit.NANOSECONDS.toMillis(lastRecordNanos - flood.endNanos()),
                    settled.schedulingDelay().toMillis());
            if (check.processed() != lines || check.outOfSequence() != 0) {
                throw new IllegalStateException("the output did not see every line exactly once, in order: "
                        + check.processed() + " of " + lines + ", " + check.outOfSequence() + " out of sequence");
            }
        } finally {
            ssc.stop();
        }
    }

    /** The first batch due after the last record was processed that started within one interval of its time. */
    private static BatchInfo awaitCaughtUp(List<BatchInfo> batches, long afterMillis, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            for (BatchInfo info : batches) {
                if (info.batchTime().milliseconds() > afterMillis
                        && info.schedulingDelay().compareTo(BATCH_INTERVAL) < 0) {
                    return info;
                }
            }
            Thread.sleep(BATCH_INTERVAL.toMillis());
        }
        throw new IllegalStateException("the scheduling delay did not fall below one batch interval");
    }

    static Line parse(String line, int work) {
        int space = line.indexOf(' ');
        int hash = 0;
        for (int round = 0; round < work; round++) {
            for (int i = 0; i < line.length(); i++) {
                hash = 31 * hash + line.charAt(i) + round;
            }
        }
        return new Line(Long.parseLong(line, 0, space, 10), hash);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
