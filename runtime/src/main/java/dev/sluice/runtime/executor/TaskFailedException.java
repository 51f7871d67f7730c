package dev.sluice.runtime.executor;

/**
 * A task of a batch threw; carries the index of the partition it worked on and the original
 * exception as its cause.
 *
 * <pre>{@code
 * catch (TaskFailedException e) { log.error("partition {} failed", e.partition(), e.getCause()); }
 * }</pre>
 */
public final class TaskFailedException extends Exception {

    private final int partition;

    public TaskFailedException(int partition, Throwable cause) {
        super("the task of partition " + partition + " failed: " + cause, cause);
        this.partition = partition;
    }

    public int partition() {
        return partition;
    }
}
