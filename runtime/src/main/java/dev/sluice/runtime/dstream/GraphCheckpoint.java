package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.checkpoint.IncompatibleCheckpointException;
import dev.sluice.runtime.checkpoint.PipelineCheckpoint;
import dev.sluice.runtime.checkpoint.PipelineFingerprint;
import dev.sluice.runtime.source.CheckpointableSource;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes a graph's checkpoint after a completed batch and puts one back into a graph built by
 * the same code: source positions, the keyed state of {@code updateStateByKey} and
 * {@code mapWithState}, and the window buffers. A window buffer is what a stream remembers for
 * a window downstream (its recent batches, and a windowed reduce's previous result): after a
 * restart those batches cannot be asked of the source again, so they are saved with the state.
 *
 * <pre>{@code
 * GraphCheckpoint checkpoints = new GraphCheckpoint(graph);
 * checkpoints.trackSourcePositions();
 * PipelineCheckpoint taken = checkpoints.capture(fingerprint, batchTime);
 * }</pre>
 */
public final class GraphCheckpoint {

    private final StreamGraph graph;

    public GraphCheckpoint(StreamGraph graph) {
        this.graph = graph;
    }

    /** Makes the sources record their positions after each batch; before the context starts. */
    public void trackSourcePositions() {
        for (SourceNode<?> source : graph.sources()) {
            source.trackPositions();
        }
    }

    /** The checkpoint after the batch at {@code time}, which has just completed; on the job thread. */
    public PipelineCheckpoint capture(PipelineFingerprint fingerprint, Time time) {
        Map<String, Serializable> positions = new LinkedHashMap<>();
        for (SourceNode<?> source : graph.sources()) {
            if (source.source() instanceof CheckpointableSource) {
                Serializable position = source.positionAfter(time);
                if (position == null) {
                    throw new IllegalStateException("the source of stream '" + source.name()
                            + "' has no recorded position after the batch of " + time);
                }
                positions.put(keyOf(source), position);
            }
        }
        Map<String, Serializable> states = new LinkedHashMap<>();
        Map<String, Serializable> buffers = new LinkedHashMap<>();
        List<StreamNode<?>> nodes = graph.nodesSnapshot();
        for (int i = 0; i < nodes.size(); i++) {
            StreamNode<?> node = nodes.get(i);
            if (node instanceof KeyedStateNode stateful) {
                states.put(keyOf(i, node), stateful.saveState());
            }
            if (keepsHistoryForWindows(node)) {
                TreeMap<Long, ArrayList<ArrayList<Object>>> buffer = new TreeMap<>();
                node.rememberedUpTo(time).forEach((batchTime, batch) -> buffer.put(batchTime, copyOf(batch)));
                if (!buffer.isEmpty()) {
                    buffers.put(keyOf(i, node), buffer);
                }
            }
        }
        return new PipelineCheckpoint(fingerprint, graph.batchInterval().toMillis(), graph.zeroTime().milliseconds(),
                time.milliseconds(), positions, states, buffers);
    }

    /** Gives each checkpointable source its recorded position; before the sources start. */
    public void restoreSources(PipelineCheckpoint checkpoint, Path from) throws IOException {
        for (SourceNode<?> source : graph.sources()) {
            if (source.source() instanceof CheckpointableSource checkpointable) {
                Serializable position = checkpoint.sourcePositions().get(keyOf(source));
                if (position == null) {
                    throw new IncompatibleCheckpointException(from, "it has no position for the source of stream '"
                            + source.name() + "'");
                }
                checkpointable.restorePosition(position);
            }
        }
    }

    /** Puts back keyed state and window buffers; after the graph is prepared on its workers. */
    public void restoreStages(PipelineCheckpoint checkpoint, Path from) throws IOException {
        List<StreamNode<?>> nodes = graph.nodesSnapshot();
        for (int i = 0; i < nodes.size(); i++) {
            StreamNode<?> node = nodes.get(i);
            String key = keyOf(i, node);
            if (node instanceof KeyedStateNode stateful) {
                Serializable state = checkpoint.keyedStates().get(key);
                if (state == null) {
                    throw new IncompatibleCheckpointException(from, "it has no state for stage " + key);
                }
                stateful.restoreState(state);
            }
            Serializable buffer = checkpoint.windowBuffers().get(key);
            if (buffer != null) {
                restoreBuffer(node, buffer);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void restoreBuffer(StreamNode<T> node, Serializable buffer) {
        ((Map<Long, List<List<T>>>) buffer).forEach((time, partitions) ->
                node.remember(new Time(time), Batch.of(new Time(time), partitions)));
    }

    // Old batches are read again by a window over this stream, or by a windowed reduce (its own previous result).
    private static boolean keepsHistoryForWindows(StreamNode<?> node) {
        return node.rememberDuration().compareTo(node.slideDuration()) > 0 || node instanceof ReducedWindowNode;
    }

    private static String keyOf(SourceNode<?> source) {
        return "'" + source.name() + "'";
    }

    // The same code builds the same nodes in the same order; the name makes a mismatch readable.
    private static String keyOf(int index, StreamNode<?> node) {
        return "'" + node.name() + "' (" + node.operator() + ", node " + index + ")";
    }

    private static ArrayList<ArrayList<Object>> copyOf(Batch<?> batch) {
        ArrayList<ArrayList<Object>> partitions = new ArrayList<>();
        for (List<?> partition : batch.partitions()) {
            partitions.add(new ArrayList<>(partition));
        }
        return partitions;
    }
}
