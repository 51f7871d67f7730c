package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.dstream.BatchMeasurements;
import dev.sluice.runtime.dstream.OutputJob;
import dev.sluice.runtime.dstream.SourceNode;
import dev.sluice.runtime.dstream.StreamGraph;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the job sets of successive batches on one thread, in batch order: a batch's jobs run
 * one after another and the next batch waits, so a slow batch shows up as scheduling delay of
 * the next. The first failure is reported and no later batch runs.
 *
 * <pre>{@code
 * JobScheduler scheduler = new JobScheduler("wordcount", graph, clock, progress, listeners, onFailure);
 * scheduler.submit(jobSet);
 * }</pre>
 */
public final class JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final StreamGraph graph;
    private final Clock clock;
    private final BatchProgress progress;
    private final List<StreamingListener> listeners;
    private final Consumer<StreamingException> onFailure;
    private final ExecutorService executor;
    private volatile Thread jobThread;

    public JobScheduler(String name, StreamGraph graph, Clock clock, BatchProgress progress,
            List<StreamingListener> listeners, Consumer<StreamingException> onFailure) {
        this.graph = graph;
        this.clock = clock;
        this.progress = progress;
        this.listeners = listeners;
        this.onFailure = onFailure;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-jobs");
            thread.setDaemon(true);
            jobThread = thread;
            return thread;
        });
    }

    /** Queues the jobs of a batch after those of the batches before it. */
    public void submit(JobSet jobSet) {
        try {
            executor.execute(() -> run(jobSet));
        } catch (RejectedExecutionException e) {
            LOG.warn("the batch of {} was generated while stopping and does not run", jobSet.time());
        }
    }

    /** Whether the calling thread is the one that runs jobs (a sink that stops its own context). */
    public boolean isJobThread() {
        return Thread.currentThread() == jobThread;
    }

    /**
     * Stops taking batches. A graceful stop lets the queued batches run; otherwise they are
     * dropped and the running one is interrupted.
     *
     * @return whether every job finished within the timeout
     */
    public boolean stop(boolean graceful, long timeoutNanos) throws InterruptedException {
        if (graceful) {
            executor.shutdown();
        } else {
            executor.shutdownNow();
        }
        if (isJobThread()) {
            return true;
        }
        return executor.awaitTermination(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    /** Tells each source that the batch's outputs all succeeded, so it may commit what it read. */
    private void acknowledge(Time time) {
        for (SourceNode<?> source : graph.sources()) {
            try {
                source.source().batchSucceeded(time);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("source '{}' could not acknowledge the batch of {}; it may be delivered again", source.name(), time, e);
            }
        }
    }

    private void run(JobSet jobSet) {
        if (progress.failure() != null) {
            return;
        }
        long start = clock.currentTimeMillis();
        graph.beginBatch();
        for (OutputJob job : jobSet.jobs()) {
            try {
                job.run();
            } catch (InterruptedException e) {
                LOG.info("the batch of {} was interrupted by a stop", jobSet.time());
                return;
            } catch (StreamingException e) {
                onFailure.accept(e);
                return;
            } catch (RuntimeException | Error e) {
                onFailure.accept(new BatchFailedException(job.outputName(), job.time(), e));
                return;
            }
        }
        BatchMeasurements measured = graph.endBatch();
        acknowledge(jobSet.time());
        graph.forgetBefore(jobSet.time());
        BatchInfo info = new BatchInfo(jobSet.time(), jobSet.recordsIn(), measured.recordsOut(), measured.stageTimes(),
                jobSet.jobs().size(), jobSet.submissionTimeMillis(), start, clock.currentTimeMillis());
        LOG.info("batch {}: in {}, out {}, scheduling delay {} ms, processing {} ms, total delay {} ms",
                info.batchTime(), info.recordsIn(), info.recordsOut(), info.schedulingDelay().toMillis(),
                info.processingTime().toMillis(), info.totalDelay().toMillis());
        for (StreamingListener listener : listeners) {
            try {
                listener.onBatchCompleted(info);
            } catch (RuntimeException e) {
                LOG.warn("a streaming listener failed on the batch of {}", info.batchTime(), e);
            }
        }
        progress.batchCompleted();
    }
}
