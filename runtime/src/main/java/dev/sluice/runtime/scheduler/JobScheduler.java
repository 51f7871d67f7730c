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
import dev.sluice.runtime.logging.RuntimeLoggers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Generates the batches on the context's clock and runs them, in batch order, one at a time: a
 * batch's jobs run one after another and the next batch waits, so a slow batch shows up as
 * scheduling delay of the next. A failed output job runs again as the {@link FailurePolicy}
 * allows; a failure beyond that is reported, and no later batch runs.
 *
 * <p>Two threads take turns: each waits for the clock to reach a batch time of its own (the one
 * after the other's), generates that batch ({@link JobGenerator}) and, if no batch is running
 * or waiting, runs it at once; otherwise it queues it for the thread running batches. So a
 * batch is generated on time however long the batch before it runs (one thread is always free
 * to wait for the clock), and a pipeline that keeps up costs one thread wake-up a batch, not
 * two (a timer's and a hand-off's).
 *
 * <p>A batch whose outputs all succeeded is acknowledged to the sources
 * ({@link dev.sluice.runtime.source.StreamSource#batchSucceeded}) at once; or, when the context
 * checkpoints, only once a checkpoint covering it was written ({@link #acknowledgeThrough}): a
 * source that commits what it read (Kafka offsets, the write-ahead log's completed position)
 * must not do so before the state that holds those records can be recovered.
 *
 * <p>At most {@code maxPendingBatches} batches are generated and not yet finished: a batch time
 * that comes at the bound waits before its records are taken from the sources, so a slow
 * pipeline leaves new records in the receivers' bounded buffers (whose stores then block)
 * instead of queueing batch after batch in memory.
 *
 * <pre>{@code
 * JobScheduler scheduler = new JobScheduler("wordcount", graph, clock, progress, listeners, onFailure, policy, 4);
 * scheduler.start(JobGenerator.firstBatchTime(clock.currentTimeMillis(), graph.batchInterval()));
 * }</pre>
 */
public final class JobScheduler {

    /**
     * The logger, looked up at its first use (after the first batch), not when the context
     * starts: see the context's own, whose first line initializes slf4j while that batch runs;
     * if that is still going on, the lookup waits for it ({@link RuntimeLoggers}).
     */
    private static final class Log {
        static final Logger LOG = RuntimeLoggers.of(JobScheduler.class);
    }

    /** What a thread's turn has when it waits for no batch time of its own. */
    private static final long UNCLAIMED = Long.MIN_VALUE;
    /** What a thread's turn returns once generation stopped and nothing is left to run. */
    private static final long DONE = Long.MAX_VALUE;

    private final String name;
    private final StreamGraph graph;
    private final Clock clock;
    private final BatchProgress progress;
    private final List<StreamingListener> listeners;
    private final Consumer<StreamingException> onFailure;
    private final FailurePolicy policy;
    private final JobGenerator generator;
    private final long intervalMillis;
    private final boolean acknowledgeAfterCheckpoint;
    /** On the thread running batches: batches that succeeded and wait for a checkpoint to be acknowledged. */
    private final Deque<Time> unacknowledged = new ArrayDeque<>();
    private final int maxPendingBatches;
    /** The scheduler's two threads, once started. */
    private volatile List<Thread> threads = List.of();

    private final Object lock = new Object();
    // Guarded by lock:
    /** Generated batches that have not started, in batch order. */
    private final Deque<JobSet> queued = new ArrayDeque<>();
    /** The threads waiting for the clock, which a stop interrupts. */
    private final List<Thread> waitingForClock = new ArrayList<>(2);
    private long nextBatchMillis;
    /** The latest batch time a thread waits for the clock to reach (or reached). */
    private long lastClaimedMillis = UNCLAIMED;
    private Thread generating;
    private Thread running;
    /** Batches generated whose run has not finished (or that were dropped): those queued and the one running. */
    private int pendingBatches;
    private int peakPendingBatches;
    /** No batch is generated any more: after a stop, or after a source failed. */
    private boolean generationStopped;
    /** The queued batches were dropped by a stop that was not graceful; none starts any more. */
    private boolean dropping;
    /** Threads in {@code lock.wait()}: only then does a change of state notify them. */
    private int waiters;

    /**
     * @param maxPendingBatches how many batches may be generated and not yet finished; at least 1
     */
    public JobScheduler(String name, StreamGraph graph, Clock clock, BatchProgress progress,
            List<StreamingListener> listeners, Consumer<StreamingException> onFailure, FailurePolicy policy,
            int maxPendingBatches) {
        this(name, graph, clock, progress, listeners, onFailure, policy, maxPendingBatches, false);
    }

    /**
     * @param maxPendingBatches how many batches may be generated and not yet finished; at least 1
     * @param acknowledgeAfterCheckpoint whether sources hear of a batch only through
     *     {@link #acknowledgeThrough}, once a checkpoint covering it was written
     */
    public JobScheduler(String name, StreamGraph graph, Clock clock, BatchProgress progress,
            List<StreamingListener> listeners, Consumer<StreamingException> onFailure, FailurePolicy policy,
            int maxPendingBatches, boolean acknowledgeAfterCheckpoint) {
        if (maxPendingBatches < 1) {
            throw new IllegalArgumentException("maxPendingBatches must be at least 1, not " + maxPendingBatches);
        }
        this.name = name;
        this.maxPendingBatches = maxPendingBatches;
        this.acknowledgeAfterCheckpoint = acknowledgeAfterCheckpoint;
        this.graph = graph;
        this.policy = policy;
        this.clock = clock;
        this.progress = progress;
        this.listeners = listeners;
        this.onFailure = onFailure;
        this.generator = new JobGenerator(graph, clock, onFailure);
        this.intervalMillis = graph.batchInterval().toMillis();
    }

    /** Starts generating and running batches at {@code firstBatchTime}, then every batch interval. */
    public void start(Time firstBatchTime) {
        List<Thread> started = new ArrayList<>(2);
        synchronized (lock) {
            if (!threads.isEmpty()) {
                throw new IllegalStateException("the job scheduler has already started");
            }
            nextBatchMillis = firstBatchTime.milliseconds();
            Runnable takingTurns = new TakingTurns();
            for (int i = 1; i <= 2; i++) {
                Thread thread = new Thread(takingTurns, name + "-jobs-" + i);
                thread.setDaemon(true);
                started.add(thread);
            }
            threads = List.copyOf(started);
        }
        for (Thread thread : started) {
            thread.start();
        }
    }

    /**
     * The loop of each of the two threads: generate the batch times this thread waited for,
     * then run the batch that is next if none runs, then wait for a batch time of its own. A
     * class, as a lambda would be spun in every JVM's start.
     */
    private final class TakingTurns implements Runnable {
        @Override
        public void run() {
            // One turn a call: the JIT compiles a method called once a batch after a few thousand
            // batches, but a loop that goes round once a batch only after 60,000 rounds, and until
            // then its body ran interpreted (a sixth of the threads' CPU at a 1 ms interval).
            long claimed = UNCLAIMED;
            while (claimed != DONE) {
                claimed = takeTurn(claimed);
            }
        }
    }

    /** How many batches are generated and not yet finished: the one running and those waiting. */
    public int pendingBatches() {
        synchronized (lock) {
            return pendingBatches;
        }
    }

    /** The most batches that were ever pending at once: never more than {@code maxPendingBatches}. */
    public int peakPendingBatches() {
        synchronized (lock) {
            return peakPendingBatches;
        }
    }

    /**
     * Whether the calling thread is one of the scheduler's (a sink, listener or source that stops
     * its own context): a stop must not wait for it.
     */
    public boolean isJobThread() {
        return threads.contains(Thread.currentThread());
    }

    /**
     * Stops generating batches after the one being generated, if any, and waits for that up to
     * the timeout. A thread waiting for the clock is woken.
     */
    public void stopGenerating(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            endGeneration();
            lock.notifyAll();
            while (generating != null && generating != Thread.currentThread()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waitForChange(left);
            }
        }
    }

    /**
     * Stops generating and running batches. A graceful stop lets the queued batches run;
     * otherwise they are dropped and the running one is interrupted.
     *
     * @return whether every job finished within the timeout
     */
    public boolean stop(boolean graceful, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            endGeneration();
            if (!graceful) {
                dropping = true;
                pendingBatches -= queued.size();
                queued.clear();
                if (running != null) {
                    running.interrupt();
                }
            }
            lock.notifyAll();
        }
        if (isJobThread()) {
            return true;
        }
        for (Thread thread : threads) {
            TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Called holding the lock: no batch is generated any more, and a thread waiting for the clock stops waiting. */
    private void endGeneration() {
        generationStopped = true;
        waitingForClock.forEach(Thread::interrupt);
    }

    /**
     * One turn of a thread that waits for the batch time {@code claimed} (or {@link #UNCLAIMED}):
     * generates that batch, runs the next batch, or waits; returns the batch time the thread
     * waits for next, {@link #UNCLAIMED} or {@link #DONE}.
     */
    private long takeTurn(long claimed) {
        Time toGenerate = null;
        JobSet toRun = null;
        synchronized (lock) {
            // A stop's interrupt of a wait or a run that has ended: the state below says what to do.
            Thread.interrupted();
            if (claimed != UNCLAIMED && (generationStopped || nextBatchMillis > claimed)) {
                claimed = UNCLAIMED;   // stopped, or generated by the other thread
            }
            boolean atBound = pendingBatches >= maxPendingBatches;
            if (claimed != UNCLAIMED && generating == null && !atBound) {
                toGenerate = new Time(nextBatchMillis);
                generating = Thread.currentThread();
            } else if (running == null && !queued.isEmpty() && !dropping) {
                toRun = queued.pollFirst();
                running = Thread.currentThread();
            } else if (claimed != UNCLAIMED) {
                // Behind an earlier batch time the other thread generates, or at the bound.
                waitForChange(0);
                return claimed;
            } else if (generationStopped) {
                return DONE;
            } else {
                claimed = lastClaimedMillis < nextBatchMillis ? nextBatchMillis : lastClaimedMillis + intervalMillis;
                lastClaimedMillis = claimed;
                waitingForClock.add(Thread.currentThread());
            }
        }
        if (toGenerate != null) {
            generate(toGenerate);
        } else if (toRun != null) {
            runAndFinish(toRun);
        } else {
            waitForClock(claimed);
        }
        return claimed;
    }

    private void waitForClock(long millis) {
        try {
            clock.waitTillTime(millis);
        } catch (InterruptedException e) {
            // Only a stop interrupts this wait; the loop sees that generation stopped.
        }
        synchronized (lock) {
            waitingForClock.remove(Thread.currentThread());
        }
    }

    private void generate(Time time) {
        JobSet jobSet = generator.generate(time);
        synchronized (lock) {
            generating = null;
            if (jobSet == null) {
                generationStopped = true;   // a source failed, and that was reported
            } else {
                nextBatchMillis = time.milliseconds() + intervalMillis;
                if (dropping) {
                    Log.LOG.warn("the batch of {} was generated while stopping and does not run", time);
                } else {
                    queued.addLast(jobSet);
                    pendingBatches++;
                    peakPendingBatches = Math.max(peakPendingBatches, pendingBatches);
                }
            }
            notifyWaiters();
        }
        if (jobSet != null) {
            progress.batchGenerated();
        }
    }

    private void runAndFinish(JobSet jobSet) {
        boolean completed = false;
        try {
            completed = run(jobSet);
        } finally {
            synchronized (lock) {
                running = null;
                pendingBatches--;
                notifyWaiters();
            }
        }
        // After the count of pending batches went down, so that a waiter sees both.
        if (completed) {
            progress.batchCompleted();
        }
    }

    /** Called holding the lock: waits for another thread's change of state, up to {@code nanos} (0: no limit). */
    private void waitForChange(long nanos) {
        waiters++;
        try {
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, nanos);
            } else {
                lock.wait();
            }
        } catch (InterruptedException e) {
            // Only a stop interrupts the scheduler's threads; the caller looks at the state again.
        } finally {
            waiters--;
        }
    }

    /** Called holding the lock; a batch that keeps up wakes no one. */
    private void notifyWaiters() {
        if (waiters > 0) {
            lock.notifyAll();
        }
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
        if (Log.LOG.isInfoEnabled()) {   // the delays and the arguments' array are not worth making for nothing
            Log.LOG.info("batch {}: in {}, out {}, scheduling delay {} ms, processing {} ms, total delay {} ms",
                    info.batchTime(), info.recordsIn(), info.recordsOut(), info.schedulingDelay().toMillis(),
                    info.processingTime().toMillis(), info.totalDelay().toMillis());
        }
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
