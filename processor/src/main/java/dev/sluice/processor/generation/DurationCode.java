package dev.sluice.processor.generation;

import com.palantir.javapoet.CodeBlock;
import java.time.Duration;

/**
 * A duration as the most readable {@code java.time.Duration} factory call: the largest unit
 * that keeps it whole.
 *
 * <pre>{@code
 * DurationCode.of(Duration.ofMillis(5000));   // Duration.ofSeconds(5)
 * DurationCode.of(Duration.ofMillis(200));    // Duration.ofMillis(200)
 * }</pre>
 */
final class DurationCode {

    private DurationCode() {}

    static CodeBlock of(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return CodeBlock.of("$T.ofHours($L)", RuntimeNames.DURATION, millis / 3_600_000);
        }
        if (millis % 60_000 == 0) {
            return CodeBlock.of("$T.ofMinutes($L)", RuntimeNames.DURATION, millis / 60_000);
        }
        if (millis % 1_000 == 0) {
            return CodeBlock.of("$T.ofSeconds($L)", RuntimeNames.DURATION, millis / 1_000);
        }
        return CodeBlock.of("$T.ofMillis($L)", RuntimeNames.DURATION, millis);
    }
}
