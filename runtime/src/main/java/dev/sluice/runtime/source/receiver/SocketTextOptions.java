package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link dev.sluice.runtime.source.Sources#socketText(String, int, SocketTextOptions)}
 * reads: the charset (UTF-8 by default; bytes invalid in it become U+FFFD), the longest line
 * kept (1 Mi characters by default; longer lines are skipped, counted and logged), and the
 * delays between reconnection attempts (exponential with jitter, 2 s doubling up to 1 min by
 * default).
 *
 * <pre>{@code
 * SocketTextOptions options = SocketTextOptions.builder()
 *         .charset(StandardCharsets.ISO_8859_1)
 *         .maxLineLength(64 * 1024)
 *         .reconnectDelay(Duration.ofMillis(500), Duration.ofSeconds(30))
 *         .build();
 * StreamSource<String> lines = Sources.socketText("127.0.0.1", 9999, options);
 * }</pre>
 */
public final class SocketTextOptions {

    /** The default longest line, in characters: 1 Mi. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

    private static final SocketTextOptions DEFAULTS = builder().build();

    private final Charset charset;
    private final int maxLineLength;
    private final ExponentialBackoff reconnectBackoff;

    private SocketTextOptions(Builder builder) {
        this.charset = builder.charset;
        this.maxLineLength = builder.maxLineLength;
        this.reconnectBackoff = builder.reconnectBackoff;
    }

    /** UTF-8, lines of at most 1 Mi characters, reconnecting after 2 s doubling up to 1 min. */
    public static SocketTextOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Charset charset() {
        return charset;
    }

    /** The longest line kept, in characters, its {@code \r\n} or {@code \n} excluded. */
    public int maxLineLength() {
        return maxLineLength;
    }

    public ExponentialBackoff reconnectBackoff() {
        return reconnectBackoff;
    }

    /** Builds {@link SocketTextOptions}; every setting starts at its default. */
    public static final class Builder {
        private Charset charset = UTF_8;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
        private ExponentialBackoff reconnectBackoff = ExponentialBackoff.DEFAULT;

        private Builder() {}

        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /** @throws IllegalArgumentException if {@code maxLineLength} is less than 1 */
        public Builder maxLineLength(int maxLineLength) {
            if (maxLineLength < 1) {
                throw new IllegalArgumentException(
                        "the maximum line length must be at least 1 character, but was " + maxLineLength);
            }
            this.maxLineLength = maxLineLength;
            return this;
        }

        /** The delay before the first reconnection attempt, doubling per failed attempt up to {@code max}. */
        public Builder reconnectDelay(Duration initial, Duration max) {
            this.reconnectBackoff = new ExponentialBackoff(initial, max);
            return this;
        }

        public SocketTextOptions build() {
            return new SocketTextOptions(this);
        }
    }
}
