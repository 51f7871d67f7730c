package dev.sluice.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one checkpoint holds: the pipeline's fingerprint, its batch interval and zero time, the
 * last completed batch it was taken after, and, as of that batch, the position of every source
 * that has one, the keyed state of every stateful stage and the window buffers (the recent
 * batches a window still needs). Batches generated after it are not in it: recovery runs them
 * again from the recorded positions.
 *
 * <p>The body is a small binary structure; only the values (positions, states, buffered
 * records) are Java-serialized, one by one, through {@link FilteredDeserialization}, so a bad
 * value is reported with the stage it belongs to.
 *
 * <pre>{@code
 * byte[] body = checkpoint.encode(codec);
 * PipelineCheckpoint back = PipelineCheckpoint.decode(file, body, codec);
 * }</pre>
 *
 * @param fingerprint the graph that wrote it
 * @param batchIntervalMillis the batch interval it ran with
 * @param zeroTimeMillis one batch interval before its first batch: windows count from here
 * @param batchTimeMillis the batch after which it was taken
 * @param sourcePositions per source stream (its quoted name), its position after the batch
 * @param keyedStates per stateful stage key, its state after the batch
 * @param windowBuffers per stage key, the batches (time to partitions) a window still needs
 */
public record PipelineCheckpoint(PipelineFingerprint fingerprint, long batchIntervalMillis, long zeroTimeMillis,
        long batchTimeMillis, Map<String, Serializable> sourcePositions, Map<String, Serializable> keyedStates,
        Map<String, Serializable> windowBuffers) {

    public PipelineCheckpoint {
        sourcePositions = Map.copyOf(sourcePositions);
        keyedStates = Map.copyOf(keyedStates);
        windowBuffers = Map.copyOf(windowBuffers);
    }

    /**
     * The body of a checkpoint file.
     *
     * @throws InvalidClassException naming the part and the class if a value holds a class the codec does not allow
     */
    public byte[] encode(FilteredDeserialization codec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(fingerprint.stages().size());
        for (String stage : fingerprint.stages()) {
            out.writeUTF(stage);
        }
        out.writeLong(batchIntervalMillis);
        out.writeLong(zeroTimeMillis);
        out.writeLong(batchTimeMillis);
        writeValues(out, "the position of source", sourcePositions, codec);
        writeValues(out, "the state of stage", keyedStates, codec);
        writeValues(out, "the window buffer of stage", windowBuffers, codec);
        out.flush();
        return bytes.toByteArray();
    }

    /** The stages recorded in a body, read without deserializing anything. */
    public static List<String> stagesOf(Path file, byte[] body) throws IOException {
        try {
            return readStages(new DataInputStream(new ByteArrayInputStream(body)));
        } catch (EOFException e) {
            throw new CorruptCheckpointException(file, "its body ends inside the list of stages");
        }
    }

    /**
     * Reads a body that {@link #encode} wrote, with the fingerprint {@code hash} from the file's header.
     *
     * @throws CorruptCheckpointException if the body is not whole
     * @throws InvalidClassException if a value holds a class the codec does not allow
     */
    public static PipelineCheckpoint decode(Path file, String hash, byte[] body, FilteredDeserialization codec)
            throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        try {
            List<String> stages = readStages(in);
            long interval = in.readLong();
            long zero = in.readLong();
            long batchTime = in.readLong();
            Map<String, Serializable> positions = readValues(in, file, "the position of source", codec);
            Map<String, Serializable> states = readValues(in, file, "the state of stage", codec);
            Map<String, Serializable> buffers = readValues(in, file, "the window buffer of stage", codec);
            return new PipelineCheckpoint(new PipelineFingerprint(hash, stages), interval, zero, batchTime,
                    positions, states, buffers);
        } catch (EOFException e) {
            throw new CorruptCheckpointException(file, "its body ends early");
        }
    }

    private static List<String> readStages(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> stages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stages.add(in.readUTF());
        }
        return stages;
    }

    private static void writeValues(DataOutputStream out, String what, Map<String, Serializable> values,
            FilteredDeserialization codec) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, Serializable> entry : values.entrySet()) {
            byte[] value;
            try {
                value = codec.serializeChecked(entry.getValue());
            } catch (InvalidClassException e) {
                throw new InvalidClassException(what + " " + entry.getKey() + " holds a class a checkpoint may not"
                        + " hold: " + e.getMessage() + " (with StreamingConfig.Builder.checkpointAllowedClasses)");
            } catch (NotSerializableException e) {
                throw new NotSerializableException(what + " " + entry.getKey() + " holds an instance of "
                        + e.getMessage() + ", which is not Serializable, so it cannot be checkpointed");
            }
            out.writeUTF(entry.getKey());
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static Map<String, Serializable> readValues(DataInputStream in, Path file, String what,
            FilteredDeserialization codec) throws IOException {
        int count = in.readInt();
        Map<String, Serializable> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new CorruptCheckpointException(file, what + " " + key + " has a length beyond the body's end");
            }
            byte[] value = new byte[length];
            in.readFully(value);
            try {
                values.put(key, (Serializable) codec.deserialize(value));
            } catch (InvalidClassException e) {
                throw new InvalidClassException("checkpoint file " + file + ": " + what + " " + key + " holds a class"
                        + " that is not allowed: " + e.getMessage() + " (allow it with"
                        + " StreamingConfig.Builder.checkpointAllowedClasses)");
            }
        }
        return values;
    }
}
