package dev.sluice.processor.model;

import dev.sluice.annotations.Cogroup;
import dev.sluice.annotations.Count;
import dev.sluice.annotations.CountByValue;
import dev.sluice.annotations.GroupByKey;
import dev.sluice.annotations.Join;
import dev.sluice.annotations.MapWithState;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Repartition;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.StateSnapshots;
import dev.sluice.annotations.Transform;
import dev.sluice.annotations.Union;
import dev.sluice.annotations.UpdateStateByKey;
import dev.sluice.annotations.Window;
import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * The stage annotations, in the order the processor looks for them on an element.
 *
 * <pre>{@code
 * StageKind.forAnnotation("dev.sluice.annotations.Reduce");   // Optional[REDUCE]
 * }</pre>
 */
public enum StageKind {
    SOURCE(Source.class),
    TRANSFORM(Transform.class),
    REDUCE(Reduce.class),
    WINDOW(Window.class),
    COUNT(Count.class),
    COUNT_BY_VALUE(CountByValue.class),
    UNION(Union.class),
    GROUP_BY_KEY(GroupByKey.class),
    UPDATE_STATE_BY_KEY(UpdateStateByKey.class),
    MAP_WITH_STATE(MapWithState.class),
    STATE_SNAPSHOTS(StateSnapshots.class),
    JOIN(Join.class),
    COGROUP(Cogroup.class),
    REPARTITION(Repartition.class),
    SINK(Sink.class);

    private final Class<? extends Annotation> annotation;

    StageKind(Class<? extends Annotation> annotation) {
        this.annotation = annotation;
    }

    public String annotationName() {
        return annotation.getCanonicalName();
    }

    /** As written in source: {@code @Transform}. */
    public String displayName() {
        return "@" + annotation.getSimpleName();
    }

    /** Whether the stage is a field, assigned by the wiring, rather than a method. */
    public boolean isFieldStage() {
        return this == WINDOW || this == COUNT || this == COUNT_BY_VALUE || this == UNION
                || this == GROUP_BY_KEY || this == STATE_SNAPSHOTS || this == JOIN || this == COGROUP
                || this == REPARTITION;
    }

    /** Whether a {@code @Window} on the same element makes this stage windowed. */
    public boolean takesWindow() {
        return this == REDUCE || this == COUNT || this == COUNT_BY_VALUE || this == GROUP_BY_KEY;
    }

    /** Whether the stage names its two inputs with {@code left} and {@code right}, not {@code from}. */
    public boolean readsTwoSides() {
        return this == JOIN || this == COGROUP;
    }

    public static Optional<StageKind> forAnnotation(String qualifiedName) {
        for (StageKind kind : values()) {
            if (kind.annotationName().equals(qualifiedName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
