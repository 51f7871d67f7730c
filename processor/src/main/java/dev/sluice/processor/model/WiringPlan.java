package dev.sluice.processor.model;

import java.time.Duration;
import java.util.List;

/**
 * A pipeline that passed validation: everything generation needs, stages in the order their
 * statements are written (every input before its readers, ties in source order).
 *
 * <pre>{@code
 * WiringPlan plan = validator.validate(model, report).orElseThrow();
 * JavaFile file = WiringWriter.write(plan);
 * }</pre>
 */
public record WiringPlan(PipelineModel model, Duration batchInterval, List<TypedStage> stages) {

    public WiringPlan {
        stages = List.copyOf(stages);
    }
}
