package dev.sluice.runtime.function;

/**
 * A two-argument action, such as a sink that receives a batch's time and its records.
 *
 * <pre>{@code
 * VoidFunction2<Time, List<String>> log = (time, records) -> System.out.println(time + ": " + records);
 * }</pre>
 */
@FunctionalInterface
public interface VoidFunction2<T1, T2> {
    void call(T1 first, T2 second) throws Exception;
}
