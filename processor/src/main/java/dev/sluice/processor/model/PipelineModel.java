package dev.sluice.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Pipeline} class as declared: its batch interval as written and its stages in
 * source order.
 *
 * <pre>{@code
 * PipelineModel model = new PipelineReader(elements).read(type);
 * model.stages().forEach(stage -> ...);
 * }</pre>
 */
public record PipelineModel(
        TypeElement type,
        AnnotationMirror mirror,
        String batchInterval,
        AnnotationValue batchIntervalValue,
        List<StageModel> stages) {

    public PipelineModel {
        stages = List.copyOf(stages);
    }
}
