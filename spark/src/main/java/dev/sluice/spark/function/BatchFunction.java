package dev.sluice.spark.function;

import dev.sluice.runtime.Batch;
import java.io.Serializable;

/**
 * A whole-batch {@code @Transform} method (Spark's {@code transform}), serializable as Spark's
 * functions are.
 *
 * <pre>{@code
 * BatchFunction<String, String> allowed = pipeline::allowed;
 * }</pre>
 */
@FunctionalInterface
public interface BatchFunction<I, R> extends Serializable {
    Batch<R> call(Batch<I> batch) throws Exception;
}
