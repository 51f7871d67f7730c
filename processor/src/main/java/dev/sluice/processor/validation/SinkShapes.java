package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;
import static dev.sluice.processor.diagnostics.Descriptions.type;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.RuntimeTypes;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Types a {@code @Sink} of records {@code T}, by its three shapes: {@code StreamSink<T> m()},
 * {@code void m(Time, List<T>)} and {@code void m(Batch<T>)}. The number of parameters and the
 * void return were checked with the element.
 *
 * <pre>{@code
 * Optional<TypedStage> print = SinkShapes.resolve(stage, wordCounts, runtime, report);
 * }</pre>
 */
final class SinkShapes {

    private SinkShapes() {}

    static Optional<TypedStage> resolve(StageModel stage, TypedStage input, RuntimeTypes runtime,
            ValidationReport report) {
        ExecutableElement method = stage.method();
        Location location = Location.of(method).at(stage.mirror());
        TypeMirror record = input.elementType();
        String name = input.stage().name();
        Operator operator;
        switch (method.getParameters().size()) {
            case 0: {
                TypeMirror returned = method.getReturnType();
                Optional<DeclaredType> sink = runtime.asStreamSink(returned);
                if (sink.isEmpty()) {
                    report.add(Diagnostic.SINK_SHAPE, location, element(method),
                            "it takes no parameters and returns " + type(returned) + ", not a StreamSink");
                    return Optional.empty();
                }
                if (RuntimeTypes.isRaw(sink.get())
                        || !runtime.isSameType(sink.get().getTypeArguments().get(0), record)) {
                    report.add(Diagnostic.TYPE_MISMATCH, location, element(method) + ", a " + type(returned) + ",",
                            name, type(record), "Declare it as " + type(runtime.streamSinkOf(record)) + " "
                                    + method.getSimpleName() + "()");
                    return Optional.empty();
                }
                operator = Operator.SINK;
                break;
            }
            case 1: {
                TypeMirror batch = runtime.batchOf(record);
                if (!runtime.isAssignable(batch, method.getParameters().get(0).asType())) {
                    report.add(Diagnostic.TYPE_MISMATCH, location, element(method), name, type(record),
                            "Declare the parameter as " + type(batch));
                    return Optional.empty();
                }
                operator = Operator.FOREACH_RDD;
                break;
            }
            default: {
                TypeMirror time = method.getParameters().get(0).asType();
                if (!runtime.isAssignable(runtime.time(), time)) {
                    report.add(Diagnostic.SINK_SHAPE, location, element(method),
                            "its first parameter is " + type(time) + ", not a Time");
                    return Optional.empty();
                }
                TypeMirror list = runtime.listOf(record);
                if (!runtime.isAssignable(list, method.getParameters().get(1).asType())) {
                    report.add(Diagnostic.TYPE_MISMATCH, location, element(method), name, type(record),
                            "Declare the second parameter as " + type(list));
                    return Optional.empty();
                }
                operator = Operator.FOREACH_BATCH;
                break;
            }
        }
        return Optional.of(new TypedStage(stage, operator, List.of(input.stage()), null, false, null, null));
    }
}
