package dev.sluice.processor.generation;

import com.palantir.javapoet.CodeBlock;
import java.time.Duration;

/**
 * A duration as the most readable call of Spark's {@code Durations}: the largest unit that
 * keeps it whole (Spark has no hours).
 *
 * <pre>{@code
 * SparkDurationCode.of(Duration.ofMillis(5000));   // Durations.seconds(5)
 * }</pre>
 */
final class SparkDurationCode {

    private SparkDurationCode() {}

    static CodeBlock of(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return CodeBlock.of("$T.minutes($L)", SparkNames.DURATIONS, millis / 60_000);
        }
        if (millis % 1_000 == 0) {
            return CodeBlock.of("$T.seconds($L)", SparkNames.DURATIONS, millis / 1_000);
        }
        return CodeBlock.of("$T.milliseconds($L)", SparkNames.DURATIONS, millis);
    }
}
