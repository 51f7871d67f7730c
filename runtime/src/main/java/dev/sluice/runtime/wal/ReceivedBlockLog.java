package dev.sluice.runtime.wal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.sluice.runtime.checkpoint.FilteredDeserialization;
import java.io.Closeable;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The write-ahead log of one receiver: every run of records it stores is appended, forced to
 * disk, under the next position (1, 2, 3...), and the position of the last run that a
 * completed batch processed is kept in a file {@code completed} beside the segments. Opened
 * again after a crash, it hands back the runs after that position, which were received but
 * not processed, and it deletes the segments that hold only processed runs as batches
 * complete. Records are Java-serialized and read back only through an allow-list.
 *
 * <pre>{@code
 * ReceivedBlockLog<String> log = ReceivedBlockLog.open(dir, FilteredDeserialization.allowing(""));
 * List<List<String>> replay = log.unprocessed();   // what the last run did not complete
 * long position = log.append(List.of("a", "b"));  // durable when this returns
 * log.completed(position);                          // a batch holding both has completed
 * }</pre>
 */
public final class ReceivedBlockLog<T> implements Closeable {

    /** Runs per segment file: the log's positions play the part of its times. */
    static final long RUNS_PER_SEGMENT = 256;

    private static final String COMPLETED = "completed";

    private final Path directory;
    private final WriteAheadLog log;
    private final FilteredDeserialization codec;
    private final List<List<T>> unprocessed;
    private long lastPosition;
    private long completedPosition;

    private ReceivedBlockLog(Path directory, WriteAheadLog log, FilteredDeserialization codec,
            List<List<T>> unprocessed, long lastPosition, long completedPosition) {
        this.directory = directory;
        this.log = log;
        this.codec = codec;
        this.unprocessed = unprocessed;
        this.lastPosition = lastPosition;
        this.completedPosition = completedPosition;
    }

    /**
     * Opens the log in {@code directory}, creating it if needed, and reads back the runs that
     * no completed batch processed.
     *
     * @throws java.io.InvalidClassException if a logged record is of a class {@code codec} refuses
     */
    @SuppressWarnings("unchecked")
    public static <T> ReceivedBlockLog<T> open(Path directory, FilteredDeserialization codec) throws IOException {
        Objects.requireNonNull(codec, "codec");
        WriteAheadLog log = new WriteAheadLog(directory, RUNS_PER_SEGMENT);
        long completed = readCompleted(directory);
        long last = completed;
        List<List<T>> unprocessed = new ArrayList<>();
        for (WriteAheadLog.Entry entry : log.readAll()) {
            last = Math.max(last, entry.timeMillis());
            if (entry.timeMillis() > completed) {
                unprocessed.add((List<T>) codec.deserialize(entry.bytes()));
            }
        }
        return new ReceivedBlockLog<>(directory, log, codec, unprocessed, last, completed);
    }

    /** The runs logged before this log was opened that no completed batch processed, oldest first. */
    public List<List<T>> unprocessed() {
        return List.copyOf(unprocessed);
    }

    /**
     * Appends a run of records and forces it to disk.
     *
     * @return the run's position, for {@link #completed}
     * @throws NotSerializableException naming the record's class if a record cannot be logged
     * @throws IOException if the write failed; the run may then not be in the log
     */
    public synchronized long append(List<T> records) throws IOException {
        ArrayList<Object> run = new ArrayList<>(records.size());
        for (T record : records) {
            if (!(record instanceof Serializable)) {
                throw new NotSerializableException("the write-ahead log can only keep Serializable records, not "
                        + record.getClass().getName());
            }
            run.add(record);
        }
        long position = lastPosition + 1;
        log.write(position, codec.serialize(run));
        lastPosition = position;
        return position;
    }

    /** The position of the last run appended, or read back when the log was opened. */
    public synchronized long lastPosition() {
        return lastPosition;
    }

    /**
     * Records that every run up to {@code position} was processed by a completed batch, and
     * deletes the segments that hold nothing later.
     */
    public synchronized void completed(long position) throws IOException {
        if (position <= completedPosition) {
            return;
        }
        Path written = directory.resolve(COMPLETED + ".tmp");
        try (FileChannel file = FileChannel.open(written, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            file.write(ByteBuffer.wrap(Long.toString(position).getBytes(US_ASCII)));
            file.force(true);
        }
        Files.move(written, directory.resolve(COMPLETED), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        completedPosition = position;
        log.clean(position + 1);
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }

    private static long readCompleted(Path directory) throws IOException {
        Path file = directory.resolve(COMPLETED);
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("the write-ahead log's file " + file + " should hold the position of the last"
                    + " processed run, but holds '" + text + "'", e);
        }
    }
}
