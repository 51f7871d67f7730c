package dev.sluice.runtime;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record a user function threw on, attached to what it threw as a suppressed exception, so
 * that the failure of the batch names it while its cause stays the user's own exception. The
 * record is described by its {@code toString()}, cut to {@value #MAX_LENGTH} characters: a huge
 * record must not make a huge message.
 *
 * <pre>{@code
 * catch (BatchFailedException e) {
 *     e.getMessage();      // "... stage 'parsed' failed in the batch of 5000 ms: java.lang.NumberFormatException: ... (on the record x)"
 *     e.failingRecord();   // Optional[x]
 * }
 * }</pre>
 */
public final class FailingRecord extends Exception {

    static final int MAX_LENGTH = 200;
    private static final long serialVersionUID = 1L;

    private FailingRecord(String description) {
        super(description, null, false, false);
    }

    /** Marks {@code failure} as thrown on {@code record}, once, and returns it. */
    public static <E extends Throwable> E attach(E failure, Object record) {
        if (of(failure).isEmpty()) {
            failure.addSuppressed(new FailingRecord(describe(record)));
        }
        return failure;
    }

    /** The description of the record {@code failure} was thrown on, if it was marked. */
    public static Optional<String> of(Throwable failure) {
        if (failure == null) {
            return Optional.empty();
        }
        return Arrays.stream(failure.getSuppressed())
                .filter(FailingRecord.class::isInstance)
                .map(Throwable::getMessage)
                .findFirst();
    }

    private static String describe(Object record) {
        String text = String.valueOf(record);
        return text.length() <= MAX_LENGTH
                ? text
                : text.substring(0, MAX_LENGTH) + "... (" + text.length() + " characters)";
    }
}
