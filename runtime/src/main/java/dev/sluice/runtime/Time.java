package dev.sluice.runtime;

/**
 * The time of a batch, in milliseconds since the epoch of the context's clock; always a
 * multiple of the batch interval. Prints as Spark prints it: {@code 1000 ms}.
 *
 * <pre>{@code
 * Time t = Time.ofMillis(5_000);
 * t.plus(Duration.ofSeconds(5));  // 10000 ms
 * }</pre>
 */
public record Time(long milliseconds) implements Comparable<Time> {

    public static Time ofMillis(long milliseconds) {
        return new Time(milliseconds);
    }

    public Time plus(java.time.Duration duration) {
        return new Time(milliseconds + duration.toMillis());
    }

    public Time minus(java.time.Duration duration) {
        return new Time(milliseconds - duration.toMillis());
    }

    @Override
    public int compareTo(Time other) {
        return Long.compare(milliseconds, other.milliseconds);
    }

    @Override
    public String toString() {
        return milliseconds + " ms";
    }
}
