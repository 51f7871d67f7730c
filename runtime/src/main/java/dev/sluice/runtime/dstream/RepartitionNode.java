package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code repartition}: the batch's records dealt round-robin into {@code numPartitions}
 * partitions, so that the stages after it run as many tasks in parallel. Which partition a
 * record lands in is deterministic: the i-th record of the batch goes to partition i mod n.
 *
 * <pre>{@code
 * new RepartitionNode<>(graph, lines, 8);
 * }</pre>
 */
public final class RepartitionNode<T> extends StreamNode<T> {

    private final StreamNode<T> parent;
    private final int numPartitions;

    public RepartitionNode(StreamGraph graph, StreamNode<T> parent, int numPartitions) {
        super(graph, "repartition");
        if (numPartitions < 1) {
            throw new IllegalArgumentException("repartition of '" + parent.name() + "' needs at least 1 partition, not "
                    + numPartitions);
        }
        this.parent = parent;
        this.numPartitions = numPartitions;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<T> compute(Time time) throws Exception {
        return Batch.of(time, deal(parent.getOrCompute(time).collect(), numPartitions));
    }

    /** The records dealt round-robin into {@code numPartitions} partitions. */
    public static <T> List<List<T>> deal(List<T> records, int numPartitions) {
        List<List<T>> partitions = new ArrayList<>(numPartitions);
        for (int i = 0; i < numPartitions; i++) {
            partitions.add(new ArrayList<>());
        }
        for (int i = 0; i < records.size(); i++) {
            partitions.get(i % numPartitions).add(records.get(i));
        }
        return partitions;
    }
}
