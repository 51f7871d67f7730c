package test;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.time.Duration;
import java.util.Iterator;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link BatchStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code lines}: source {@link BatchStages#lines()}
 *   <li>{@code tagged}: source {@link BatchStages#tagged()}
 *   <li>{@code spread}: repartition into 4 partitions of {@code lines}, assigned to {@link BatchStages#spread}
 *   <li>{@code lengths}: mapPartitions of {@code spread}, by {@link BatchStages#lengths(Iterator)}
 *   <li>{@code tags}: flatMapValues of {@code tagged}, by {@link BatchStages#tags(String)}
 *   <li>{@code upper}: transform of {@code lines}, by {@link BatchStages#upper(Batch)}
 *   <li>{@code flagged}: transformToPair of {@code lines}, by {@link BatchStages#flagged(Batch)}
 *   <li>sink {@code a}: foreachRDD of {@code lengths} to {@link BatchStages#a()}
 *   <li>sink {@code b}: foreachRDD of {@code tags} to {@link BatchStages#b()}
 *   <li>sink {@code c}: foreachRDD of {@code upper} to {@link BatchStages#c()}
 *   <li>sink {@code d}: foreachRDD of {@code flagged} to {@link BatchStages#d()}
 * </ol>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class BatchStagesWiring {
    private BatchStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 1s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(BatchStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
        DStream<String> lines = ssc.sourceStream("lines", pipeline.lines());
        PairDStream<String, String> tagged = ssc.pairSourceStream("tagged", pipeline.tagged());
        DStream<String> spread = lines.repartition(4).named("spread");
        pipeline.spread = spread;
        DStream<Integer> lengths = spread.mapPartitions(pipeline::lengths).named("lengths");
        PairDStream<String, String> tags = tagged.flatMapValues(pipeline::tags).named("tags");
        DStream<String> upper = lines.transform(pipeline::upper).named("upper");
        PairDStream<String, Boolean> flagged = lines.transformToPair(pipeline::flagged).named("flagged");
        lengths.foreachRDD("a", pipeline.a());
        tags.foreachRDD("b", pipeline.b());
        upper.foreachRDD("c", pipeline.c());
        flagged.foreachRDD("d", pipeline.d());
        return ssc;
    }
}
