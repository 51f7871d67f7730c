package dev.sluice.cli;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Runs a {@code @Pipeline} class by its name, through the wiring the annotation processor
 * generated for it ({@code com.example.MyPipeline} is wired by {@code com.example.MyPipelineWiring}).
 * The pipeline is made with its constructor that takes the {@code --set} settings as a
 * {@code Map<String, String>}, or else with its constructor without parameters.
 *
 * <pre>{@code
 * // sluice run com.example.ClickCounts --set topic=clicks
 * public ClickCounts(Map<String, String> settings) { this.topic = settings.get("topic"); }
 * }</pre>
 */
final class PipelineClassTarget implements RunTarget {

    private final Class<?> pipelineClass;
    private final Method wire;

    private PipelineClassTarget(Class<?> pipelineClass, Method wire) {
        this.pipelineClass = pipelineClass;
        this.wire = wire;
    }

    /**
     * The target of the class named {@code className}.
     *
     * @throws IllegalArgumentException if there is no such class or it has no generated wiring
     */
    static PipelineClassTarget load(String className, ClassLoader loader) {
        Class<?> pipelineClass;
        try {
            pipelineClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("no class '" + className + "' on the class path");
        }
        String wiringName = wiringName(pipelineClass);
        Class<?> wiring;
        try {
            wiring = Class.forName(wiringName, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("'" + className + "' has no generated wiring " + wiringName
                    + ": is it annotated with @Pipeline, and did sluice-processor run when it was compiled?");
        }
        try {
            Method wire = wiring.getMethod("wire", pipelineClass, StreamingConfig.class);
            if (!Modifier.isStatic(wire.getModifiers()) || !StreamingContext.class.equals(wire.getReturnType())) {
                throw new NoSuchMethodException();
            }
            return new PipelineClassTarget(pipelineClass, wire);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(wiringName + " has no method static StreamingContext wire("
                    + pipelineClass.getSimpleName() + ", StreamingConfig); compile it with this version of Sluice");
        }
    }

    /** {@code a.b.Outer$Inner} is wired by {@code a.b.Outer_InnerWiring}. */
    static String wiringName(Class<?> pipelineClass) {
        String packageName = pipelineClass.getPackageName();
        String simple = pipelineClass.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1);
        return (packageName.isEmpty() ? "" : packageName + ".") + simple.replace('$', '_') + "Wiring";
    }

    @Override
    public String usage() {
        return pipelineClass.getName();
    }

    @Override
    public StreamingContext wire(RunRequest request, StreamingConfig config, RunResources resources) throws Exception {
        if (!request.arguments().isEmpty()) {
            throw new IllegalArgumentException("unknown option '" + request.arguments().get(0) + "'; "
                    + pipelineClass.getName() + " takes its settings as --set KEY=VALUE");
        }
        Object pipeline = instantiate(request.settings());
        try {
            return (StreamingContext) wire.invoke(null, pipeline, config);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    private Object instantiate(Map<String, String> settings) throws Exception {
        Constructor<?> constructor;
        Object[] arguments;
        try {
            constructor = pipelineClass.getConstructor(Map.class);
            arguments = new Object[] {settings};
        } catch (NoSuchMethodException noSettings) {
            try {
                constructor = pipelineClass.getConstructor();
            } catch (NoSuchMethodException none) {
                throw new IllegalArgumentException(pipelineClass.getName() + " needs a public constructor without"
                        + " parameters, or one taking the settings as Map<String, String>, to be run by name");
            }
            if (!settings.isEmpty()) {
                throw new IllegalArgumentException(pipelineClass.getName() + " takes no settings (it has no"
                        + " constructor taking Map<String, String>), but --set gave " + settings.keySet());
            }
            arguments = new Object[0];
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    private static Exception unwrap(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception exception) {
            return exception;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return e;
    }
}
