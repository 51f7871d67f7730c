package dev.sluice.processor.model;

import java.time.Duration;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * A validated stage: its operator, its resolved inputs and the type of its records.
 *
 * <pre>{@code
 * TypedStage pairs = plan.stages().get(2);
 * pairs.operator();      // MAP_TO_PAIR
 * pairs.elementType();   // Pair<String, Integer>
 * }</pre>
 *
 * @param elementType the type of the stream's records (boxed), null for a sink
 * @param keyed whether the records are {@code Pair}s, so the stream is a {@code PairDStream}
 * @param windowLength the window's length, for a window or a windowed reduce, else null
 * @param windowSlide the window's slide, for a window or a windowed reduce, else null
 * @param companions what the stage's operator takes besides its own method, never null
 */
public record TypedStage(
        StageModel stage,
        Operator operator,
        List<StageModel> inputs,
        TypeMirror elementType,
        boolean keyed,
        Duration windowLength,
        Duration windowSlide,
        Companions companions) {

    public TypedStage {
        inputs = List.copyOf(inputs);
    }

    /** A stage whose operator takes nothing but its inputs, its method and its window. */
    public TypedStage(StageModel stage, Operator operator, List<StageModel> inputs, TypeMirror elementType,
            boolean keyed, Duration windowLength, Duration windowSlide) {
        this(stage, operator, inputs, elementType, keyed, windowLength, windowSlide, Companions.NONE);
    }
}
