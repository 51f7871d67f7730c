package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.dstream.SourceNode;
import dev.sluice.runtime.dstream.StreamGraph;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Wakes at every batch time on the context's clock, takes each source's records for that time
 * and hands one job per output to the {@link JobScheduler}. A slow batch delays the next one's
 * start, not its generation, up to the scheduler's bound on pending batches: at the bound the
 * generator waits before taking records from the sources, which keep them in their bounded
 * buffers meanwhile. Every batch time is generated, late if need be, and none is skipped.
 *
 * <pre>{@code
 * JobGenerator generator = new JobGenerator("wordcount", graph, clock, scheduler, progress, onFailure);
 * generator.start(Time.ofMillis(5_000));
 * }</pre>
 */
public final class JobGenerator {

    private final String name;
    private final StreamGraph graph;
    private final Clock clock;
    private final JobScheduler scheduler;
    private final BatchProgress progress;
    private final Consumer<StreamingException> onFailure;
    private final Object lock = new Object();
    private boolean stopped;
    /** Set while the thread waits for the clock or for room among the pending batches. */
    private boolean waiting;
    private Thread thread;

    public JobGenerator(String name, StreamGraph graph, Clock clock, JobScheduler scheduler, BatchProgress progress,
            Consumer<StreamingException> onFailure) {
        this.name = name;
        this.graph = graph;
        this.clock = clock;
        this.scheduler = scheduler;
        this.progress = progress;
        this.onFailure = onFailure;
    }

    /** The first batch time after {@code nowMillis}: the next multiple of {@code interval}. */
    public static Time firstBatchTime(long nowMillis, Duration interval) {
        long step = interval.toMillis();
        return new Time(Math.floorDiv(nowMillis, step) * step + step);
    }

    /** Starts generating batches at {@code firstBatchTime}, then every batch interval. */
    public void start(Time firstBatchTime) {
        synchronized (lock) {
            thread = new Thread(() -> generateFrom(firstBatchTime), name + "-job-generator");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Stops after the batch being generated, if any, and waits for the thread up to the timeout.
     * A generator waiting for the clock is woken.
     */
    public void stop(long timeoutNanos) throws InterruptedException {
        Thread generatorThread;
        synchronized (lock) {
            stopped = true;
            generatorThread = thread;
            if (generatorThread != null && waiting) {
                generatorThread.interrupt();
            }
        }
        if (generatorThread != null && generatorThread != Thread.currentThread()) {
            TimeUnit.NANOSECONDS.timedJoin(generatorThread, Math.max(1, timeoutNanos));
        }
    }

    private void generateFrom(Time firstBatchTime) {
        Duration interval = graph.batchInterval();
        for (Time time = firstBatchTime; ; time = time.plus(interval)) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                waiting = true;
            }
            try {
                clock.waitTillTime(time.milliseconds());
                scheduler.awaitRoom();
            } catch (InterruptedException e) {
                // Only stop() interrupts this thread; the check below ends the loop.
            }
            synchronized (lock) {
                waiting = false;
                if (stopped) {
                    return;
                }
            }
            if (!generate(time)) {
                return;
            }
        }
    }

    private boolean generate(Time time) {
        Map<String, Long> records = new LinkedHashMap<>();
        try {
            for (SourceNode<?> source : graph.sources()) {
                records.put(source.name(), source.receive(time));
            }
        } catch (StreamingException e) {
            onFailure.accept(e);
            return false;
        } catch (RuntimeException | Error e) {
            onFailure.accept(new BatchFailedException("job generator", time, e));
            return false;
        }
        scheduler.submit(new JobSet(time, graph.generateJobs(time), records, clock.currentTimeMillis()));
        progress.batchGenerated();
        return true;
    }
}
