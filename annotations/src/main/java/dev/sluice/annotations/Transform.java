package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record-at-a-time stage over one input stream. The operator follows from the
 * method's signature (the README has the whole table):
 *
 * <ul>
 *   <li>{@code boolean f(T)}: filter;
 *   <li>{@code Iterable<R> f(T)} (or any subtype, such as {@code List<R>}): flatMap;
 *   <li>{@code Pair<K, V> f(T)}: mapToPair, a keyed stream;
 *   <li>{@code R f(T)}: map;
 *   <li>{@code R f(V)} on a keyed input of {@code Pair<K, V>}: mapValues.
 * </ul>
 *
 * <pre>{@code
 * @Transform(from = "lines")
 * public Iterable<String> words(String line) {
 *     return Arrays.asList(line.split(" "));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transform {

    /** The name of the input stream. */
    String from();

    /** The stream's name; by default the method's name. */
    String name() default "";
}
