package dev.sluice.runtime;

import dev.sluice.runtime.checkpoint.CheckpointDirectory;
import dev.sluice.runtime.checkpoint.FilteredDeserialization;
import dev.sluice.runtime.checkpoint.IncompatibleCheckpointException;
import dev.sluice.runtime.checkpoint.PipelineCheckpoint;
import dev.sluice.runtime.checkpoint.PipelineFingerprint;
import dev.sluice.runtime.dstream.GraphCheckpoint;
import dev.sluice.runtime.dstream.StreamGraph;
import dev.sluice.runtime.logging.RuntimeLoggers;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.scheduler.StreamingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * A context's checkpoints: writes one after each completed batch on the checkpoint interval
 * (on the job thread, before the next batch runs, so state, window buffers and source
 * positions are those of that batch), and restores the newest into a context about to start.
 * A checkpoint that cannot be written stops the context: running on without one would break
 * the recovery it promises. Once a checkpoint is written, the batches it covers are
 * acknowledged to their sources (which may then commit Kafka offsets or release write-ahead
 * log segments); never before, so no source forgets records the recoverable state lacks.
 *
 * <pre>{@code
 * Checkpointing checkpointing = new Checkpointing(dir, graph, config, this::fail);
 * Optional<PipelineCheckpoint> latest = checkpointing.readLatest(fingerprint);
 * }</pre>
 */
final class Checkpointing implements StreamingListener {

    private static final Logger LOG = RuntimeLoggers.of(Checkpointing.class);

    /** The checkpoints kept: the newest, and older ones in case the newest is damaged. */
    static final int RETAINED = 3;

    /** What any checkpoint may hold besides the base types: the runtime's own source positions. */
    private static final String RUNTIME_POSITIONS = "dev.sluice.runtime.source.file.FileSourceState";

    private final CheckpointDirectory files;
    private final StreamGraph graph;
    private final GraphCheckpoint graphCheckpoint;
    private final long intervalMillis;
    private final Consumer<StreamingException> onFailure;
    private volatile PipelineFingerprint fingerprint;
    private volatile Consumer<Time> onWritten = time -> { };

    Checkpointing(Path directory, StreamGraph graph, StreamingConfig config, Consumer<StreamingException> onFailure) {
        String allowed = RUNTIME_POSITIONS + (config.checkpointAllowedClasses().isBlank() ? ""
                : ";" + config.checkpointAllowedClasses());
        this.files = new CheckpointDirectory(directory, FilteredDeserialization.allowing(allowed), RETAINED);
        this.graph = graph;
        this.graphCheckpoint = new GraphCheckpoint(graph);
        long batchMillis = graph.batchInterval().toMillis();
        this.intervalMillis = config.checkpointInterval().map(Duration::toMillis).orElse(batchMillis);
        if (intervalMillis % batchMillis != 0) {
            throw new IllegalArgumentException("the checkpoint interval is " + intervalMillis
                    + " ms, which is not a multiple of the batch interval of " + batchMillis + " ms");
        }
        this.onFailure = onFailure;
    }

    Path directory() {
        return files.directory();
    }

    /**
     * The newest checkpoint in the directory, if any, checked against this pipeline.
     *
     * @throws IncompatibleCheckpointException if another graph or batch interval wrote it
     */
    Optional<PipelineCheckpoint> readLatest(PipelineFingerprint expected) throws IOException {
        Optional<PipelineCheckpoint> latest = files.readLatest(expected);
        if (latest.isPresent() && latest.get().batchIntervalMillis() != graph.batchInterval().toMillis()) {
            throw new IncompatibleCheckpointException(files.directory(), "its newest checkpoint was written with a"
                    + " batch interval of " + latest.get().batchIntervalMillis() + " ms, but this context's is "
                    + graph.batchInterval().toMillis() + " ms; batch times and windows would not line up");
        }
        return latest;
    }

    /** Puts the positions back into the sources; before they start. */
    void restoreSources(PipelineCheckpoint checkpoint) throws IOException {
        graphCheckpoint.restoreSources(checkpoint, files.directory());
    }

    /** Puts keyed state and window buffers back; after the graph is prepared. */
    void restoreStages(PipelineCheckpoint checkpoint) throws IOException {
        graphCheckpoint.restoreStages(checkpoint, files.directory());
    }

    /**
     * Starts recording what checkpoints need, for the pipeline with {@code fingerprint}; before
     * the sources start. {@code onWritten} hears of each checkpoint written, with its batch time.
     */
    void begin(PipelineFingerprint fingerprint, Consumer<Time> onWritten) {
        this.fingerprint = fingerprint;
        this.onWritten = onWritten;
        graphCheckpoint.trackSourcePositions();
    }

    @Override
    public void onBatchCompleted(BatchInfo info) {
        Time time = info.batchTime();
        if ((time.milliseconds() - graph.zeroTime().milliseconds()) % intervalMillis != 0) {
            return;
        }
        try {
            files.write(graphCheckpoint.capture(fingerprint, time));
            LOG.debug("checkpoint of batch {} written to {}", time, files.directory());
        } catch (IOException | RuntimeException e) {
            onFailure.accept(new StreamingException("the checkpoint of batch " + time + " could not be written to "
                    + files.directory() + ": " + e.getMessage(), e));
            return;
        }
        onWritten.accept(time);
    }
}
