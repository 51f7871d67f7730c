package dev.sluice.runtime.executor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads that run the per-partition tasks of a batch. The caller
 * blocks until every task of a stage is done, so stages run one after another while the
 * partitions of a stage run in parallel.
 *
 * <pre>{@code
 * try (WorkerPool workers = new WorkerPool("wordcount", 4)) {
 *     List<List<Integer>> lengths = workers.mapPartitions(partitions, p -> p.stream().map(String::length).toList());
 * }
 * }</pre>
 */
public final class WorkerPool implements AutoCloseable {

    private final ExecutorService executor;
    private final int size;

    public WorkerPool(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least 1 thread, not " + size);
        }
        this.size = size;
        this.executor = Executors.newFixedThreadPool(size, namedDaemonThreads(name + "-worker-"));
    }

    /** The number of worker threads. */
    public int size() {
        return size;
    }

    /**
     * Applies {@code function} to every partition, one task per partition, and returns the
     * results in partition order.
     *
     * @throws TaskFailedException for the first partition (in partition order) whose task threw
     */
    public <T, R> List<List<R>> mapPartitions(List<List<T>> partitions, PartitionFunction<T, R> function)
            throws TaskFailedException, InterruptedException {
        List<Callable<List<R>>> tasks = new ArrayList<>(partitions.size());
        for (List<T> partition : partitions) {
            tasks.add(() -> function.apply(partition));
        }
        return runAll(tasks);
    }

    /**
     * Runs every task and returns their results in task order once all are done.
     *
     * @throws TaskFailedException for the first task (in task order) that threw
     */
    public <R> List<R> runAll(List<? extends Callable<R>> tasks) throws TaskFailedException, InterruptedException {
        if (tasks.size() == 1) {
            // The caller would only wait for it: run it here, without two hand-offs between threads.
            return Collections.singletonList(call(0, tasks.get(0)));
        }
        List<Future<R>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<R> task : tasks) {
                futures.add(executor.submit(task));
            }
            List<R> results = new ArrayList<>(tasks.size());
            TaskFailedException firstFailure = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    // Wait for the others anyway: the report must name the same partition every run.
                    if (firstFailure == null) {
                        firstFailure = new TaskFailedException(i, e.getCause());
                    }
                    results.add(null);
                }
            }
            if (firstFailure != null) {
                throw firstFailure;
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        }
    }

    /**
     * Runs the tasks on {@code workers}, or one after another on this thread when there is no
     * pool (static data sets, which are computed outside any streaming context).
     *
     * <pre>{@code
     * List<Integer> sizes = WorkerPool.runOn(graph.workers(), tasks);
     * }</pre>
     *
     * @param workers the pool, or null
     * @throws TaskFailedException for the first task (in task order) that threw
     */
    public static <R> List<R> runOn(WorkerPool workers, List<? extends Callable<R>> tasks)
            throws TaskFailedException, InterruptedException {
        if (workers != null) {
            return workers.runAll(tasks);
        }
        List<R> results = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            results.add(call(i, tasks.get(i)));
        }
        return results;
    }

    /** Runs one task on this thread, reporting its failure as a worker's would be. */
    private static <R> R call(int index, Callable<R> task) throws TaskFailedException, InterruptedException {
        try {
            return task.call();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            throw new TaskFailedException(index, e);
        }
    }

    /** Stops the workers, interrupting running tasks, and waits up to {@code timeout} for them. */
    public boolean shutdown(long timeout, TimeUnit unit) throws InterruptedException {
        executor.shutdownNow();
        return executor.awaitTermination(timeout, unit);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    static ThreadFactory namedDaemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
