package dev.sluice.runtime.executor;

/**
 * Carries an exception through code that must not see it as its own: out of
 * {@link java.util.Map#merge}, whose remapping function may throw no checked exception, or through
 * a marked step, whose own failures are marked while those of where its results go are not. The
 * code that threw it catches it just outside and rethrows {@link #failure()}.
 */
final class CarriedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Exception failure;

    CarriedFailure(Exception failure) {
        super(null, failure, false, false);
        this.failure = failure;
    }

    Exception failure() {
        return failure;
    }
}
