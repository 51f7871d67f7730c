package dev.sluice.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Companions;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import java.util.List;
import java.util.Set;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The Spark expression or statement that wires one stage: the operator of Spark's Java
 * DStream API that the lean operator follows. A keyed stage is a {@code JavaPairDStream} whose
 * keys and values are Sluice's types; a user method that reads a whole {@code Pair} gets one
 * made from Spark's tuple, and the results of joins and groups become Sluice's values.
 *
 * <pre>{@code
 * CodeBlock pairs = statements.stream(typedPairs);   // words.mapToPair(word -> SparkPairs.tuple(pipeline.pairs(word)))
 * }</pre>
 */
final class SparkStageStatements {

    /** The operators that need Spark's checkpointing: state, and windows reduced with an inverse. */
    private static final Set<Operator> CHECKPOINTED = Set.of(Operator.UPDATE_STATE_BY_KEY, Operator.MAP_WITH_STATE,
            Operator.COUNT_BY_WINDOW, Operator.COUNT_BY_VALUE_AND_WINDOW);

    private final NameAllocator names;
    private final String pipeline;
    private final String spark;

    SparkStageStatements(NameAllocator names, String pipeline, String spark) {
        this.names = names;
        this.pipeline = pipeline;
        this.spark = spark;
    }

    /** Whether the stage's Spark operator needs a checkpoint directory. */
    static boolean needsCheckpoint(TypedStage typed) {
        return CHECKPOINTED.contains(typed.operator()) || typed.companions().inverse() != null;
    }

    /** Whether the stage is a {@code JavaPairDStream} on Spark; a mapWithState of pairs is not. */
    static boolean isPairStream(TypedStage typed) {
        return typed.keyed() && typed.operator() != Operator.MAP_WITH_STATE;
    }

    /** The expression that computes the stream of a non-sink stage. */
    CodeBlock stream(TypedStage typed, List<TypedStage> inputs) {
        StageModel stage = typed.stage();
        String method = stage.element().getSimpleName().toString();
        TypedStage in = inputs.isEmpty() ? null : inputs.get(0);
        switch (typed.operator()) {
            case SOURCE:
                return CodeBlock.of("$N.source($S, $N.$N())", spark, stage.name(), pipeline, method);
            case PAIR_SOURCE:
                return CodeBlock.of("$N.pairSource($S, $N.$N())", spark, stage.name(), pipeline, method);
            case FILTER: {
                CodeBlock source = same(typed, in);
                return isPairStream(typed)
                        ? CodeBlock.of("$L.filter($L)", source, recordLambda(typed, true, CodeBlock.of("$N.$N", pipeline,
                                method)))
                        : CodeBlock.of("$L.filter($L)", source, reference(method));
            }
            case MAP:
                return isPairStream(in)
                        ? CodeBlock.of("$N.map($L)", name(in), recordLambda(typed, true, call(method)))
                        : CodeBlock.of("$N.map($L)", name(in), reference(method));
            case MAP_TO_PAIR:
                return CodeBlock.of("$N.mapToPair($L)", name(in), wrappedLambda(typed, isPairStream(in),
                        CodeBlock.of("$T.tuple", SparkNames.SPARK_PAIRS)));
            case FLAT_MAP:
                return CodeBlock.of("$N.flatMap($L)", name(in), iteratorLambda(typed, isPairStream(in)));
            case FLAT_MAP_COLLECTION: {
                String record = parameter(typed);
                return CodeBlock.of("$N.<$T>flatMap($N -> $T.of($N.$N($L)))", name(in),
                        TypeName.get(typed.elementType()), record, SparkNames.SPARK_ITERATORS, pipeline, method,
                        argument(record, isPairStream(in)));
            }
            case MAP_VALUES:
                return CodeBlock.of("$L.mapValues($L)", pairs(in), reference(method));
            case FLAT_MAP_VALUES: {
                String value = parameter(typed);
                return CodeBlock.of("$L.flatMapValues($N -> $N.$N($N).iterator())", pairs(in), value, pipeline,
                        method, value);
            }
            case MAP_PARTITIONS: {
                String records = parameter(typed);
                CodeBlock argument = isPairStream(in)
                        ? CodeBlock.of("$T.pairs($N)", SparkNames.SPARK_ITERATORS, records)
                        : CodeBlock.of("$N", records);
                return typed.keyed()
                        ? CodeBlock.of("$N.mapPartitionsToPair($N -> $T.tuples($N.$N($L)))", name(in), records,
                                SparkNames.SPARK_ITERATORS, pipeline, method, argument)
                        : CodeBlock.of("$N.mapPartitions($N -> $N.$N($L).iterator())", name(in), records, pipeline,
                                method, argument);
            }
            case TRANSFORM:
                return CodeBlock.of("$N.transform($T.$L($L))", name(in), SparkNames.SPARK_BATCHES,
                        isPairStream(in) ? "pairTransform" : "transform", reference(method));
            case TRANSFORM_TO_PAIR:
                return CodeBlock.of("$N.transformToPair($T.$L($L))", name(in), SparkNames.SPARK_BATCHES,
                        isPairStream(in) ? "pairTransformToPair" : "transformToPair", reference(method));
            case REDUCE:
                return CodeBlock.of("$N.reduce($L)", name(in), reference(method));
            case REDUCE_BY_KEY:
                return CodeBlock.of("$L.reduceByKey($L)", pairs(in), reference(method));
            case REDUCE_BY_WINDOW:
                return CodeBlock.of("$N.reduceByWindow($L)", name(in), windowedReduce(typed, false));
            case REDUCE_BY_KEY_AND_WINDOW:
                return CodeBlock.of("$L.reduceByKeyAndWindow($L)", pairs(in), windowedReduce(typed, true));
            case WINDOW:
                return CodeBlock.of("$L.window($L)", same(typed, in), window(typed));
            case COUNT:
                return CodeBlock.of("$N.count()", name(in));
            case COUNT_BY_WINDOW:
                return CodeBlock.of("$N.countByWindow($L)", name(in), window(typed));
            case COUNT_BY_VALUE:
                return CodeBlock.of("$L.countByValue()", records(in));
            case COUNT_BY_VALUE_AND_WINDOW:
                return CodeBlock.of("$L.countByValueAndWindow($L)", records(in), window(typed));
            case GROUP_BY_KEY:
                return CodeBlock.of("$L.groupByKey().mapValues($T::list)", pairs(in), SparkNames.SPARK_PAIRS);
            case GROUP_BY_KEY_AND_WINDOW:
                return CodeBlock.of("$L.groupByKeyAndWindow($L).mapValues($T::list)", pairs(in), window(typed),
                        SparkNames.SPARK_PAIRS);
            case UPDATE_STATE_BY_KEY:
                return CodeBlock.of("$L.updateStateByKey($T.<$T, $T>update($L))", pairs(in), SparkNames.SPARK_STATE,
                        TypeName.get(pairArgument(in.elementType(), 1)),
                        TypeName.get(pairArgument(typed.elementType(), 1)), reference(method));
            case MAP_WITH_STATE:
                return CodeBlock.of("$L.mapWithState($L)", pairs(in), stateSpec(typed));
            case STATE_SNAPSHOTS:
                return CodeBlock.of("$N.stateSnapshots()", name(in));
            case JOIN:
                return join(typed, inputs, "join", "joined");
            case LEFT_OUTER_JOIN:
                return join(typed, inputs, "leftOuterJoin", "leftOuter");
            case RIGHT_OUTER_JOIN:
                return join(typed, inputs, "rightOuterJoin", "rightOuter");
            case FULL_OUTER_JOIN:
                return join(typed, inputs, "fullOuterJoin", "fullOuter");
            case COGROUP:
                return join(typed, inputs, "cogroup", "cogrouped");
            case REPARTITION:
                return CodeBlock.of("$L.repartition($L)", same(typed, in),
                        typed.companions().partitions());
            case UNION: {
                CodeBlock.Builder union = CodeBlock.builder().add("$L", same(typed, in));
                for (TypedStage other : inputs.subList(1, inputs.size())) {
                    union.add(".union($L)", same(typed, other));
                }
                return union.build();
            }
            default:
                throw new IllegalArgumentException("not a stream operator: " + typed.operator());
        }
    }

    /** The statement of a sink stage: a {@code foreachRDD} that hands each batch to the sink. */
    CodeBlock sink(TypedStage typed, TypedStage input) {
        StageModel stage = typed.stage();
        String method = stage.element().getSimpleName().toString();
        switch (typed.operator()) {
            case SINK:
                return CodeBlock.of("$N.output($S, $N, $N.$N())", spark, stage.name(), name(input), pipeline, method);
            case FOREACH_BATCH:
                return CodeBlock.of("$N.output($S, $N, $T.foreachBatch($L))", spark, stage.name(), name(input),
                        RuntimeNames.SINKS, reference(method));
            case FOREACH_RDD:
                return CodeBlock.of("$N.output($S, $N, $L)", spark, stage.name(), name(input), reference(method));
            default:
                throw new IllegalArgumentException("not a sink: " + typed.operator());
        }
    }

    private CodeBlock join(TypedStage typed, List<TypedStage> inputs, String operator, String values) {
        return CodeBlock.of("$L.$L($L).mapValues($T::$L)", pairs(inputs.get(0)), operator, pairs(inputs.get(1)),
                SparkNames.SPARK_PAIRS, values);
    }

    // f[, invF], length, slide[, partitions, filterFunc]: Spark's argument order.
    private CodeBlock windowedReduce(TypedStage typed, boolean keyed) {
        Companions companions = typed.companions();
        CodeBlock.Builder arguments = CodeBlock.builder().add("$L", reference(typed.stage().element().getSimpleName()
                .toString()));
        if (companions.inverse() != null) {
            arguments.add(", $L", reference(companions.inverse()));
        }
        arguments.add(", $L", window(typed));
        if (keyed && companions.filter() != null) {
            String pair = names.clone().newName("pair");
            arguments.add(", $N.defaultPartitions(), $N -> $N.$N($T.pair($N))", spark, pair, pipeline,
                    companions.filter(), SparkNames.SPARK_PAIRS, pair);
        }
        return arguments.build();
    }

    private static CodeBlock window(TypedStage typed) {
        return CodeBlock.of("$L, $L", SparkDurationCode.of(typed.windowLength()),
                SparkDurationCode.of(typed.windowSlide()));
    }

    // Spark's StateSpec of the user's method; the type arguments are spelt out as on the lean runtime.
    private CodeBlock stateSpec(TypedStage typed) {
        Companions companions = typed.companions();
        CodeBlock types = companions.typeArguments().stream()
                .map(type -> CodeBlock.of("$T", TypeName.get(type)))
                .collect(CodeBlock.joining(", "));
        CodeBlock.Builder spec = CodeBlock.builder().add("$T.function($T.<$L>mapping($L))", SparkNames.STATE_SPEC,
                SparkNames.SPARK_STATE, types, reference(typed.stage().element().getSimpleName().toString()));
        if (companions.initialState() != null) {
            spec.add(".initialState($T.initialState($N.context(), $N.$N()))", SparkNames.SPARK_STATE, spark,
                    pipeline, companions.initialState());
        }
        if (companions.timeout() != null) {
            spec.add(".timeout($L)", SparkDurationCode.of(companions.timeout()));
        }
        return spec.build();
    }

    // record -> pipeline.method(record), the record made a Pair first if it is Spark's tuple.
    private CodeBlock recordLambda(TypedStage typed, boolean fromTuple, CodeBlock function) {
        String record = parameter(typed);
        return CodeBlock.of("$N -> $L($L)", record, function, argument(record, fromTuple));
    }

    // record -> wrapper(pipeline.method(record))
    private CodeBlock wrappedLambda(TypedStage typed, boolean fromTuple, CodeBlock wrapper) {
        String record = parameter(typed);
        return CodeBlock.of("$N -> $L($L($L))", record, wrapper, call(typed.stage().element().getSimpleName()
                .toString()), argument(record, fromTuple));
    }

    // record -> pipeline.method(record).iterator()
    private CodeBlock iteratorLambda(TypedStage typed, boolean fromTuple) {
        String record = parameter(typed);
        return CodeBlock.of("$N -> $L($L).iterator()", record, call(typed.stage().element().getSimpleName()
                .toString()), argument(record, fromTuple));
    }

    private static CodeBlock argument(String record, boolean fromTuple) {
        return fromTuple ? CodeBlock.of("$T.pair($N)", SparkNames.SPARK_PAIRS, record) : CodeBlock.of("$N", record);
    }

    // The lambda's parameter is named as the method's, unless a stream already has that name.
    private String parameter(TypedStage typed) {
        return names.clone().newName(typed.stage().method().getParameters().get(0).getSimpleName().toString());
    }

    private CodeBlock call(String method) {
        return CodeBlock.of("$N.$N", pipeline, method);
    }

    private CodeBlock reference(String method) {
        return CodeBlock.of("$N::$N", pipeline, method);
    }

    private String name(TypedStage typed) {
        return names.get(typed.stage());
    }

    // The input of an operator that keeps its records' type: keyed as the stage is.
    private CodeBlock same(TypedStage typed, TypedStage input) {
        return typed.keyed() ? pairs(input) : CodeBlock.of("$N", name(input));
    }

    // The input as a JavaPairDStream: a mapWithState of pairs is made one.
    private CodeBlock pairs(TypedStage typed) {
        return isPairStream(typed) ? CodeBlock.of("$N", name(typed))
                : CodeBlock.of("$N.mapToPair($T::tuple)", names.get(typed.stage()), SparkNames.SPARK_PAIRS);
    }

    // The input as a JavaDStream of Sluice's records: a keyed stream's tuples are made pairs.
    private CodeBlock records(TypedStage typed) {
        return isPairStream(typed) ? CodeBlock.of("$N.map($T::pair)", names.get(typed.stage()), SparkNames.SPARK_PAIRS)
                : CodeBlock.of("$N", name(typed));
    }

    private static TypeMirror pairArgument(TypeMirror pair, int index) {
        return ((DeclaredType) pair).getTypeArguments().get(index);
    }
}
