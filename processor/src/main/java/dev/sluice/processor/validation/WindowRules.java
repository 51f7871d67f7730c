package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;

import dev.sluice.annotations.Durations;
import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.WindowModel;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * The arithmetic of a {@code @Window}: its length and slide parse, are multiples of the batch
 * interval (Spark finds this only at run time), and the slide does not exceed the length.
 *
 * <pre>{@code
 * Optional<WindowDurations> window = WindowRules.check(stage, Duration.ofSeconds(5), report);
 * }</pre>
 */
final class WindowRules {

    /** A window's checked length and slide. */
    record WindowDurations(Duration length, Duration slide) {}

    private WindowRules() {}

    /**
     * Checks the window of {@code stage}; {@code batchInterval} is null when the interval itself
     * is wrong, and then only the syntax is checked.
     */
    static Optional<WindowDurations> check(StageModel stage, Duration batchInterval, ValidationReport report) {
        WindowModel window = stage.window();
        String owner = "@Window of " + element(stage.element());
        Optional<Duration> length = PipelineClassRules.parseDuration(window.length(), "length", owner,
                at(stage, window, window.lengthValue()), report);
        Optional<Duration> slide = window.slide().isEmpty()
                ? Optional.ofNullable(batchInterval)
                : PipelineClassRules.parseDuration(window.slide(), "slide", owner,
                        at(stage, window, window.slideValue()), report);
        if (batchInterval == null || length.isEmpty() || slide.isEmpty()) {
            return Optional.empty();
        }
        boolean multiples = isMultiple(stage, window, "length", length.get(), window.lengthValue(), batchInterval, report)
                & isMultiple(stage, window, "slide", slide.get(), window.slideValue(), batchInterval, report);
        if (!multiples) {
            return Optional.empty();
        }
        if (slide.get().compareTo(length.get()) > 0) {
            report.add(Diagnostic.SLIDE_LONGER_THAN_LENGTH, at(stage, window, window.slideValue()),
                    owner, Durations.format(slide.get()), Durations.format(length.get()),
                    Durations.format(length.get()));
            return Optional.empty();
        }
        return Optional.of(new WindowDurations(length.get(), slide.get()));
    }

    private static boolean isMultiple(StageModel stage, WindowModel window, String attribute,
            Duration duration, AnnotationValue value, Duration batchInterval, ValidationReport report) {
        long interval = batchInterval.toMillis();
        long millis = duration.toMillis();
        if (millis % interval == 0) {
            return true;
        }
        Duration suggestion = Duration.ofMillis((millis / interval + 1) * interval);
        report.add(Diagnostic.WINDOW_NOT_MULTIPLE, at(stage, window, value), Durations.format(batchInterval),
                attribute, "@Window of " + element(stage.element()), Durations.format(duration),
                Durations.format(batchInterval), Durations.format(suggestion));
        return false;
    }

    private static Location at(StageModel stage, WindowModel window, AnnotationValue value) {
        return Location.of(stage.element()).at(window.mirror(), value);
    }
}
