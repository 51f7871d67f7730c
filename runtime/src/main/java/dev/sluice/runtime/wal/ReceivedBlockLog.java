package dev.sluice.runtime.wal;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.checkpoint.FilteredDeserialization;
import dev.sluice.runtime.source.receiver.BlockGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The write-ahead log of one receiver's blocks: each block of a batch is written (and forced
 * to disk) before the batch gets it, so blocks a crash caught between receipt and completion
 * can be read back. Records are Java-serialized and read back only through an allow-list.
 *
 * <pre>{@code
 * ReceivedBlockLog<String> log = new ReceivedBlockLog<>(new WriteAheadLog(dir, 60_000), FilteredDeserialization.allowing(""));
 * List<List<String>> partitions = log.drainLogged(blocks, batchTime);
 * List<List<String>> unprocessed = log.recover(lastCompletedBatch);   // after a restart
 * }</pre>
 */
public final class ReceivedBlockLog<T extends Serializable> implements Closeable {

    private final WriteAheadLog log;
    private final FilteredDeserialization codec;

    public ReceivedBlockLog(WriteAheadLog log, FilteredDeserialization codec) {
        this.log = Objects.requireNonNull(log, "log");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * Drains {@code blocks} for the batch at {@code batchTime}, logging them first. If the log
     * write fails the exception propagates and the blocks stay in the generator, unallocated.
     */
    public List<List<T>> drainLogged(BlockGenerator<T> blocks, Time batchTime) throws IOException {
        return blocks.drain(drained -> {
            for (List<T> block : drained) {
                log.write(batchTime.milliseconds(), codec.serialize(new ArrayList<>(block)));
            }
        });
    }

    /** The blocks logged for batches after {@code lastCompletedBatch}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<List<T>> recover(Time lastCompletedBatch) throws IOException {
        List<List<T>> blocks = new ArrayList<>();
        for (WriteAheadLog.Entry entry : log.readAll()) {
            if (entry.timeMillis() > lastCompletedBatch.milliseconds()) {
                blocks.add((List<T>) codec.deserialize(entry.bytes()));
            }
        }
        return blocks;
    }

    /** Deletes the segments that hold only blocks of batches up to {@code lastCompletedBatch}. */
    public void clean(Time lastCompletedBatch) throws IOException {
        log.clean(lastCompletedBatch.milliseconds() + 1);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
