package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods and fields declare a streaming pipeline. The annotation
 * processor validates the pipeline at compile time and generates {@code <Class>Wiring}, the
 * DStream wiring that runs it.
 *
 * <pre>{@code
 * @Pipeline(batchInterval = "5s")
 * public class NetworkWordCount {
 *     @Source public StreamSource<String> lines() { return Sources.socketText(host, port); }
 *     ...
 * }
 * }</pre>
 *
 * <p>The class must be instantiable by its user (not abstract, not private, top level or a
 * static nested class, with a non-private constructor): the generated wiring takes an
 * instance, so configuration reaches the pipeline through its constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Pipeline {

    /**
     * The batch interval: a positive whole number followed by a unit, {@code ms}, {@code s},
     * {@code m} or {@code h} (for example {@code "200ms"}, {@code "5s"}, {@code "1m"}). See
     * {@link Durations}.
     */
    String batchInterval();
}
