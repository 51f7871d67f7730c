package dev.sluice.runtime.dstream;

/**
 * Measures the time of each stage of a batch by itself: a stage computes its parents inside
 * its own computation, so the parents' time is taken out of the stage's. Stages of a batch
 * run on the job thread (their tasks fan out to workers and come back), so the nesting is
 * tracked per thread.
 *
 * <pre>{@code
 * long outer = StageClock.enter();
 * long started = System.nanoTime();
 * ... compute, which may time nested stages ...
 * long own = StageClock.exit(outer, System.nanoTime() - started);
 * }</pre>
 */
final class StageClock {

    /** The time spent in nested stages of the stage being measured on this thread. */
    private static final ThreadLocal<long[]> NESTED_NANOS = new NestedNanos();

    private StageClock() {}

    /** Starts measuring a stage; returns the enclosing stage's nested time, to give back to {@link #exit}. */
    static long enter() {
        long[] nested = NESTED_NANOS.get();
        long outer = nested[0];
        nested[0] = 0;
        return outer;
    }

    /** Ends measuring a stage that took {@code elapsedNanos} in all; returns its own share. */
    static long exit(long outer, long elapsedNanos) {
        long[] nested = NESTED_NANOS.get();
        long own = elapsedNanos - nested[0];
        nested[0] = outer + elapsedNanos;
        return Math.max(0, own);
    }

    /** A subclass, not ThreadLocal.withInitial: its lambda would cost every JVM's first batch. */
    private static final class NestedNanos extends ThreadLocal<long[]> {
        @Override
        protected long[] initialValue() {
            return new long[1];
        }
    }
}
