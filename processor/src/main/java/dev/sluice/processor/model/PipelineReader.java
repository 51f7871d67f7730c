package dev.sluice.processor.model;

import dev.sluice.annotations.Pipeline;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads a {@code @Pipeline} class into a {@link PipelineModel}: one stage per annotated member,
 * in source order. It only reads; every judgement is left to validation.
 *
 * <pre>{@code
 * PipelineModel model = PipelineReader.read(type);
 * }</pre>
 */
public final class PipelineReader {

    private PipelineReader() {}

    public static PipelineModel read(TypeElement type) {
        AnnotationMirror pipeline = AnnotationValues.find(type, Pipeline.class.getCanonicalName())
                .orElseThrow(() -> new IllegalArgumentException(type + " has no @Pipeline"));
        List<StageModel> stages = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            List<AnnotationMirror> annotations = stageAnnotations(member);
            if (!annotations.isEmpty()) {
                stages.add(readStage(member, annotations));
            }
        }
        return new PipelineModel(type, pipeline, AnnotationValues.string(pipeline, "batchInterval"),
                AnnotationValues.explicit(pipeline, "batchInterval"), stages);
    }

    /** The stage annotations on {@code element}, in the order they are written. */
    public static List<AnnotationMirror> stageAnnotations(Element element) {
        List<AnnotationMirror> found = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (StageKind.forAnnotation(AnnotationValues.nameOf(mirror)).isPresent()) {
                found.add(mirror);
            }
        }
        return found;
    }

    private static StageModel readStage(Element element, List<AnnotationMirror> annotations) {
        AnnotationMirror primary = primary(annotations);
        StageKind kind = kindOf(primary);
        AnnotationMirror windowMirror = annotations.stream()
                .filter(mirror -> kindOf(mirror) == StageKind.WINDOW)
                .findFirst()
                .orElse(null);
        List<AnnotationMirror> conflicting = new ArrayList<>();
        for (AnnotationMirror mirror : annotations) {
            boolean windowModifier = kind.takesWindow() && mirror == windowMirror;
            if (mirror != primary && !windowModifier) {
                conflicting.add(mirror);
            }
        }
        boolean windowed = kind == StageKind.WINDOW || kind.takesWindow();
        WindowModel window = windowMirror == null || !windowed ? null : readWindow(windowMirror);
        AnnotationValue nameValue = AnnotationValues.explicit(primary, "name");
        String name = AnnotationValues.string(primary, "name");
        if (name.isEmpty()) {
            name = element.getSimpleName().toString();
            nameValue = null;
        }
        return new StageModel(kind, element, primary, name, nameValue, readInputs(primary), window,
                conflicting);
    }

    // A @Reduce wins over anything else written with it; any stage wins over the @Window that
    // modifies it (or is misplaced on it); a bare @Window field is its own stage.
    private static AnnotationMirror primary(List<AnnotationMirror> annotations) {
        return annotations.stream()
                .filter(mirror -> kindOf(mirror) == StageKind.REDUCE)
                .findFirst()
                .or(() -> annotations.stream().filter(mirror -> kindOf(mirror) != StageKind.WINDOW).findFirst())
                .orElse(annotations.get(0));
    }

    // An empty name is kept, to be reported as unknown, except on @Window where "" means unset.
    private static List<InputRef> readInputs(AnnotationMirror mirror) {
        boolean optional = kindOf(mirror) == StageKind.WINDOW;
        List<AnnotationValue> values = new ArrayList<>();
        if (kindOf(mirror).readsTwoSides()) {
            values.addAll(AnnotationValues.array(mirror, "left"));
            values.addAll(AnnotationValues.array(mirror, "right"));
        } else {
            values.addAll(AnnotationValues.array(mirror, "from"));
        }
        List<InputRef> inputs = new ArrayList<>();
        for (AnnotationValue value : values) {
            if (value.getValue() instanceof String name && !(optional && name.isEmpty())) {
                inputs.add(new InputRef(name, value));
            }
        }
        return inputs;
    }

    private static WindowModel readWindow(AnnotationMirror mirror) {
        return new WindowModel(mirror,
                AnnotationValues.string(mirror, "length"), AnnotationValues.explicit(mirror, "length"),
                AnnotationValues.string(mirror, "slide"), AnnotationValues.explicit(mirror, "slide"),
                AnnotationValues.string(mirror, "from"), AnnotationValues.explicit(mirror, "from"),
                AnnotationValues.string(mirror, "name"), AnnotationValues.explicit(mirror, "name"));
    }

    private static StageKind kindOf(AnnotationMirror mirror) {
        return StageKind.forAnnotation(AnnotationValues.nameOf(mirror)).orElseThrow();
    }
}
