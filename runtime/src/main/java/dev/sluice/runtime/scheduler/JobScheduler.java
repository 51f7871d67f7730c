package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.FailurePolicy;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.dstream.BatchMeasurements;
import dev.sluice.runtime.dstream.OutputJob;
import dev.sluice.runtime.dstream.SourceNode;
import dev.sluice.runtime.dstream.StreamGraph;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * the next. A failed output job runs again as the {@link FailurePolicy} allows; a failure
 * beyond that is reported, and no later batch runs.
 *
 * <p>A batch whose outputs all succeeded is acknowledged to the sources
 * ({@link dev.sluice.runtime.source.StreamSource#batchSucceeded}) at once; or, when the context
 * checkpoints, only once a checkpoint covering it was written ({@link #acknowledgeThrough}): a
 * source that commits what it read (Kafka offsets, the write-ahead log's completed position)
 * must not do so before the state that holds those records can be recovered.
 *
 * <p>At most {@code maxPendingBatches} batches are submitted and not yet finished: the job
 * generator waits in {@link #awaitRoom()} before it takes a batch's records from the sources,
 * so a slow pipeline leaves new records in the receivers' bounded buffers (whose stores then
 * block) instead of queueing batch after batch in memory.
 *
 * <pre>{@code
 * JobScheduler scheduler = new JobScheduler("wordcount", graph, clock, progress, listeners, onFailure, policy, 4);
 * scheduler.awaitRoom();
 * scheduler.submit(jobSet);
 * }</pre>
 */
public final class JobScheduler {

    /**
     * The logger, looked up at its first use (after the first batch), not when the context
     * starts: see the context's own, whose first line initializes slf4j while that batch runs.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    }

    private final StreamGraph graph;
    private final Clock clock;
    private final BatchProgress progress;
    private final List<StreamingListener> listeners;
    private final Consumer<StreamingException> onFailure;
    private final FailurePolicy policy;
    private final ExecutorService executor;
    private final boolean acknowledgeAfterCheckpoint;
    /** On the job thread: batches that succeeded and wait for a checkpoint to be acknowledged. */
    private final Deque<Time> unacknowledged = new ArrayDeque<>();
    private volatile Thread jobThread;
    private final int maxPendingBatches;
    private final Object pendingLock = new Object();
    /** Guarded by pendingLock: batches submitted whose run has not finished (or was dropped). */
    private int pendingBatches;
    private int peakPendingBatches;
    private boolean stopped;

    /**
     * @param maxPendingBatches how many batches may be submitted and not yet finished; at least 1
     */
    public JobScheduler(String name, StreamGraph graph, Clock clock, BatchProgress progress,
            List<StreamingListener> listeners, Consumer<StreamingException> onFailure, FailurePolicy policy,
            int maxPendingBatches) {
        this(name, graph, clock, progress, listeners, onFailure, policy, maxPendingBatches, false);
    }

    /**
     * @param maxPendingBatches how many batches may be submitted and not yet finished; at least 1
     * @param acknowledgeAfterCheckpoint whether sources hear of a batch only through
     *     {@link #acknowledgeThrough}, once a checkpoint covering it was written
     */
    public JobScheduler(String name, StreamGraph graph, Clock clock, BatchProgress progress,
            List<StreamingListener> listeners, Consumer<StreamingException> onFailure, FailurePolicy policy,
            int maxPendingBatches, boolean acknowledgeAfterCheckpoint) {
        if (maxPendingBatches < 1) {
            throw new IllegalArgumentException("maxPendingBatches must be at least 1, not " + maxPendingBatches);
        }
        this.maxPendingBatches = maxPendingBatches;
        this.acknowledgeAfterCheckpoint = acknowledgeAfterCheckpoint;
        this.graph = graph;
        this.policy = policy;
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

    /**
     * Queues the jobs of a batch after those of the batches before it. Call {@link #awaitRoom()}
     * first to stay within the bound on pending batches.
     */
    public void submit(JobSet jobSet) {
        synchronized (pendingLock) {
            pendingBatches++;
            peakPendingBatches = Math.max(peakPendingBatches, pendingBatches);
        }
        try {
            executor.execute(() -> {
                boolean completed = false;
                try {
                    completed = run(jobSet);
                } finally {
                    batchFinished();
                }
                // After the count of pending batches went down, so that a waiter sees both.
                if (completed) {
                    progress.batchCompleted();
                }
            });
        } catch (RejectedExecutionException e) {
            Log.LOG.warn("the batch of {} was generated while stopping and does not run", jobSet.time());
            batchFinished();
        }
    }

    /**
     * Waits while {@code maxPendingBatches} batches are submitted and not finished; returns at
     * once after a stop.
     */
    public void awaitRoom() throws InterruptedException {
        synchronized (pendingLock) {
            while (pendingBatches >= maxPendingBatches && !stopped) {
                pendingLock.wait();
            }
        }
    }

    /** How many batches are submitted and not yet finished: the one running and those waiting. */
    public int pendingBatches() {
        synchronized (pendingLock) {
            return pendingBatches;
        }
    }

    /** The most batches that were ever pending at once: never more than {@code maxPendingBatches}. */
    public int peakPendingBatches() {
        synchronized (pendingLock) {
            return peakPendingBatches;
        }
    }

    private void batchFinished() {
        synchronized (pendingLock) {
            pendingBatches--;
            pendingLock.notifyAll();
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
        synchronized (pendingLock) {
            stopped = true;
            pendingLock.notifyAll();
        }
        if (graceful) {
            executor.shutdown();
        } else {
            int dropped = executor.shutdownNow().size();
            synchronized (pendingLock) {
                pendingBatches -= dropped;
                pendingLock.notifyAll();
            }
        }
        if (isJobThread()) {
            return true;
        }
        return executor.awaitTermination(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    /**
     * Acknowledges to the sources, in batch order, every succeeded batch up to {@code time}
     * not acknowledged yet; called on the job thread once the checkpoint of {@code time} was written.
     */
    public void acknowledgeThrough(Time time) {
        while (!unacknowledged.isEmpty() && unacknowledged.peekFirst().compareTo(time) <= 0) {
            acknowledge(unacknowledged.pollFirst());
        }
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
                Log.LOG.warn("source '{}' could not acknowledge the batch of {}; it may be delivered again", source.name(), time, e);
            }
        }
    }

    /**
     * Runs a job, and runs it again after a failure as often as the policy allows, waiting its
     * backoff on the clock; the jobs of the batch that succeeded before are not run again.
     *
     * @return whether the job succeeded; if not, its failure was reported
     */
    private boolean runWithRetries(OutputJob job) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            StreamingException failure;
            try {
                job.run();
                return true;
            } catch (StreamingException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new BatchFailedException(job.outputName(), job.time(), e);
            } catch (Error e) {
                // An error of the JVM is not worth a retry.
                onFailure.accept(new BatchFailedException(job.outputName(), job.time(), e));
                return false;
            }
            if (attempt > policy.maxRetries() || progress.failure() != null) {
                onFailure.accept(failure);
                return false;
            }
            long retryAt = clock.currentTimeMillis() + policy.backoff(attempt).toMillis();
            Log.LOG.warn("{}; retry {} of {} at {} ms", failure.getMessage(), attempt, policy.maxRetries(), retryAt);
            for (StreamingListener listener : listeners) {
                try {
                    listener.onOutputRetry(job.outputName(), job.time(), attempt, retryAt, failure);
                } catch (RuntimeException e) {
                    Log.LOG.warn("a streaming listener failed on a retry of the batch of {}", job.time(), e);
                }
            }
            clock.waitTillTime(retryAt);
        }
    }

    /** Runs the batch's jobs; whether they all succeeded (and the batch completed). */
    private boolean run(JobSet jobSet) {
        if (progress.failure() != null) {
            return false;
        }
        long start = clock.currentTimeMillis();
        graph.beginBatch();
        for (OutputJob job : jobSet.jobs()) {
            try {
                if (!runWithRetries(job)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Log.LOG.info("the batch of {} was interrupted by a stop", jobSet.time());
                return false;
            }
        }
        BatchMeasurements measured = graph.endBatch();
        if (acknowledgeAfterCheckpoint) {
            unacknowledged.addLast(jobSet.time());
        } else {
            acknowledge(jobSet.time());
        }
        graph.forgetBefore(jobSet.time());
        BatchInfo info = new BatchInfo(jobSet.time(), jobSet.recordsIn(), measured.recordsOut(), measured.recordsFailed(),
                measured.stageTimes(), jobSet.jobs().size(), jobSet.submissionTimeMillis(), start,
                clock.currentTimeMillis());
        Log.LOG.info("batch {}: in {}, out {}, scheduling delay {} ms, processing {} ms, total delay {} ms",
                info.batchTime(), info.recordsIn(), info.recordsOut(), info.schedulingDelay().toMillis(),
                info.processingTime().toMillis(), info.totalDelay().toMillis());
        for (StreamingListener listener : listeners) {
            try {
                listener.onBatchCompleted(info);
            } catch (RuntimeException e) {
                Log.LOG.warn("a streaming listener failed on the batch of {}", info.batchTime(), e);
            }
        }
        return true;
    }
}
