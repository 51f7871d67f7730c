package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an input stream. The method takes no parameters and returns a
 * {@code StreamSource<T>}; the stream's elements are of type {@code T}. It is called once,
 * when the pipeline is wired, and the source starts with the streaming context.
 *
 * <pre>{@code
 * @Source
 * public StreamSource<String> lines() {
 *     return Sources.socketText("127.0.0.1", 9999);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Source {

    /** The stream's name; by default the method's name. */
    String name() default "";
}
