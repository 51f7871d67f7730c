package dev.sluice.runtime.serialization;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.Objects;

/**
 * The classes a reader of Java serialization may instantiate, and how deep and large a graph
 * may be: every class no pattern matches is refused before it is built, so a file from
 * elsewhere cannot make the JVM run code of arbitrary classes. A {@link Reading} remembers
 * what was refused, because the JDK's own exception only says "REJECTED".
 *
 * <pre>{@code
 * AllowList allowed = AllowList.of(32, 1_000_000, List.of("java.lang.String", "com.example.Reading"));
 * try (ObjectInputStream in = new ObjectInputStream(file)) {
 *     AllowList.Reading reading = allowed.install(in);
 *     try {
 *         return in.readObject();
 *     } catch (InvalidClassException e) {
 *         throw new InvalidClassException(reading.describe(e) + " is not on the allow-list");
 *     }
 * }
 * }</pre>
 */
public final class AllowList {

    private final ObjectInputFilter filter;

    private AllowList(ObjectInputFilter filter) {
        this.filter = filter;
    }

    /**
     * @param patterns allowed classes in {@link ObjectInputFilter.Config#createFilter} syntax
     *     ({@code "java.util.*"}, {@code "com.example.Reading"}); everything else is refused
     */
    public static AllowList of(int maxDepth, long maxArrayLength, List<String> patterns) {
        StringBuilder spec = new StringBuilder("maxdepth=" + maxDepth + ";maxarray=" + maxArrayLength);
        for (String pattern : patterns) {
            spec.append(';').append(Objects.requireNonNull(pattern, "pattern"));
        }
        return new AllowList(ObjectInputFilter.Config.createFilter(spec.append(";!*").toString()));
    }

    /** Whether a stream may hold instances of {@code type} (the limits aside). */
    public boolean allows(Class<?> type) {
        return filter.checkInput(new ClassOnly(type)) != ObjectInputFilter.Status.REJECTED;
    }

    /** Makes {@code in} refuse what this list does not allow, and returns what will remember the refusal. */
    public Reading install(ObjectInputStream in) {
        Reading reading = new Reading(filter);
        in.setObjectInputFilter(reading);
        return reading;
    }

    /** The filter of one stream: this list's, remembering the first thing it refused. */
    public static final class Reading implements ObjectInputFilter {

        private final ObjectInputFilter filter;
        private String refused;

        private Reading(ObjectInputFilter filter) {
            this.filter = filter;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            Status status = filter.checkInput(info);
            if (status == Status.REJECTED && refused == null) {
                refused = info.serialClass() != null ? "class " + info.serialClass().getName()
                        : "a graph over the limits (depth " + info.depth() + ", array length " + info.arrayLength() + ")";
            }
            return status;
        }

        /** What was refused when the stream threw {@code cause}: the class, or the limit a graph went over. */
        public String describe(InvalidClassException cause) {
            return refused == null ? cause.getMessage() : refused + " (" + cause.getMessage() + ")";
        }
    }

    /** What the filter is asked about one class, outside any stream. */
    private record ClassOnly(Class<?> serialClass) implements ObjectInputFilter.FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}
