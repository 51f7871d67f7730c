package dev.sluice.processor.generation;

import com.palantir.javapoet.ClassName;

/**
 * The Spark and {@code sluice-spark} classes the generated Spark wiring refers to, named
 * without loading them: the processor does not depend on Spark, only the user's job does.
 *
 * <pre>{@code
 * TypeName stream = ParameterizedTypeName.get(SparkNames.JAVA_DSTREAM, ClassName.get(String.class));
 * }</pre>
 */
final class SparkNames {

    private static final String STREAMING = "org.apache.spark.streaming";
    private static final String STREAMING_JAVA = "org.apache.spark.streaming.api.java";
    private static final String ADAPTERS = "dev.sluice.spark";

    static final ClassName SPARK_CONF = ClassName.get("org.apache.spark", "SparkConf");
    static final ClassName DURATION = ClassName.get(STREAMING, "Duration");
    static final ClassName DURATIONS = ClassName.get(STREAMING, "Durations");
    static final ClassName STATE_SPEC = ClassName.get(STREAMING, "StateSpec");
    static final ClassName JAVA_STREAMING_CONTEXT = ClassName.get(STREAMING_JAVA, "JavaStreamingContext");
    static final ClassName JAVA_DSTREAM = ClassName.get(STREAMING_JAVA, "JavaDStream");
    static final ClassName JAVA_PAIR_DSTREAM = ClassName.get(STREAMING_JAVA, "JavaPairDStream");
    static final ClassName JAVA_MAP_WITH_STATE_DSTREAM = ClassName.get(STREAMING_JAVA, "JavaMapWithStateDStream");

    static final ClassName SPARK_STREAMS = ClassName.get(ADAPTERS, "SparkStreams");
    static final ClassName SPARK_PAIRS = ClassName.get(ADAPTERS, "SparkPairs");
    static final ClassName SPARK_ITERATORS = ClassName.get(ADAPTERS, "SparkIterators");
    static final ClassName SPARK_STATE = ClassName.get(ADAPTERS, "SparkState");
    static final ClassName SPARK_BATCHES = ClassName.get(ADAPTERS, "SparkBatches");

    private SparkNames() {}
}
