package dev.sluice.annotations;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one syntax for durations in Sluice, shared by the annotations (checked at compile time)
 * and the command-line flags of the runtime: a positive whole number followed by a unit,
 * {@code ms}, {@code s}, {@code m} or {@code h}, without spaces.
 *
 * <pre>{@code
 * Duration interval = Durations.parse("200ms");   // PT0.2S
 * Durations.parse("5 sec");                        // IllegalArgumentException
 * }</pre>
 */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,12})(ms|s|m|h)");

    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message that quotes {@code text} and shows the
     *     expected form, if it is not a positive duration in this syntax
     */
    public static Duration parse(String text) {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a positive"
                    + " whole number followed by ms, s, m or h, such as \"200ms\", \"5s\" or \"1m\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        switch (matcher.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }

    /** Formats {@code duration} in this syntax, in the largest unit that keeps it whole. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
