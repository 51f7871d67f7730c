package dev.sluice.processor.model;

/**
 * The runtime operator a stage becomes, named as in the runtime's fluent API (Spark's
 * vocabulary).
 *
 * <pre>{@code
 * Operator.REDUCE_BY_KEY.methodName();   // "reduceByKey"
 * }</pre>
 */
public enum Operator {
    SOURCE("sourceStream"),
    PAIR_SOURCE("pairSourceStream"),
    FILTER("filter"),
    FLAT_MAP("flatMap"),
    /** A flatMap whose method returns a collection of {@code ? extends R}, viewed as of {@code R}. */
    FLAT_MAP_COLLECTION("flatMap"),
    MAP_TO_PAIR("mapToPair"),
    MAP("map"),
    MAP_VALUES("mapValues"),
    FLAT_MAP_VALUES("flatMapValues"),
    MAP_PARTITIONS("mapPartitions"),
    TRANSFORM("transform"),
    TRANSFORM_TO_PAIR("transformToPair"),
    REDUCE("reduce"),
    REDUCE_BY_KEY("reduceByKey"),
    REDUCE_BY_WINDOW("reduceByWindow"),
    REDUCE_BY_KEY_AND_WINDOW("reduceByKeyAndWindow"),
    WINDOW("window"),
    COUNT("count"),
    COUNT_BY_VALUE("countByValue"),
    COUNT_BY_WINDOW("countByWindow"),
    COUNT_BY_VALUE_AND_WINDOW("countByValueAndWindow"),
    GROUP_BY_KEY("groupByKey"),
    GROUP_BY_KEY_AND_WINDOW("groupByKeyAndWindow"),
    UPDATE_STATE_BY_KEY("updateStateByKey"),
    MAP_WITH_STATE("mapWithState"),
    STATE_SNAPSHOTS("stateSnapshots"),
    JOIN("join"),
    LEFT_OUTER_JOIN("leftOuterJoin"),
    RIGHT_OUTER_JOIN("rightOuterJoin"),
    FULL_OUTER_JOIN("fullOuterJoin"),
    COGROUP("cogroup"),
    REPARTITION("repartition"),
    UNION("union"),
    /** A sink method returning a {@code StreamSink}. */
    SINK("foreachRDD"),
    /** A sink method taking the batch time and records. */
    FOREACH_BATCH("foreachRDD"),
    /** A sink method taking the whole {@code Batch}. */
    FOREACH_RDD("foreachRDD");

    private final String methodName;

    Operator(String methodName) {
        this.methodName = methodName;
    }

    /** The runtime method the wiring calls. */
    public String methodName() {
        return methodName;
    }

    public boolean isSink() {
        return this == SINK || this == FOREACH_BATCH || this == FOREACH_RDD;
    }
}
