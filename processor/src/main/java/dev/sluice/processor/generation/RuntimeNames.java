package dev.sluice.processor.generation;

import com.palantir.javapoet.ClassName;

/**
 * The runtime classes the generated wiring refers to. The processor names them without
 * loading them: the runtime is a dependency of the user's code, not of the processor.
 *
 * <pre>{@code
 * TypeName stream = ParameterizedTypeName.get(RuntimeNames.DSTREAM, ClassName.get(String.class));
 * }</pre>
 */
final class RuntimeNames {

    static final ClassName STREAMING_CONTEXT = ClassName.get("dev.sluice.runtime", "StreamingContext");
    static final ClassName STREAMING_CONFIG = ClassName.get("dev.sluice.runtime", "StreamingConfig");
    static final ClassName DSTREAM = ClassName.get("dev.sluice.runtime", "DStream");
    static final ClassName PAIR_DSTREAM = ClassName.get("dev.sluice.runtime", "PairDStream");
    static final ClassName MAP_WITH_STATE_DSTREAM =
            ClassName.get("dev.sluice.runtime", "MapWithStateDStream");
    static final ClassName STATE_SPEC = ClassName.get("dev.sluice.runtime.state", "StateSpec");
    static final ClassName SINKS = ClassName.get("dev.sluice.runtime.sink", "Sinks");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName DURATION = ClassName.get("java.time", "Duration");
    static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");

    /** The value of {@code @Generated}: the processor's class name, and no date, for repeatable output. */
    static final String GENERATOR = "dev.sluice.processor.SluiceProcessor";

    private RuntimeNames() {}
}
