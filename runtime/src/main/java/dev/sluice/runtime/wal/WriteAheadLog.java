package dev.sluice.runtime.wal;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * An append-only log of records in segment files {@code log-<first time>} of one directory,
 * for receiver data that must survive a crash before its batch completes.
 *
 * <p>Each record is its time (long), its length (int), its bytes and a CRC-32 (long) of the
 * three. Every {@link #write} is forced to disk before it returns (fsync per write: slow, but
 * nothing written is lost to a crash); a segment is rolled when a record's time is a roll
 * interval past the segment's first. {@link #readAll} returns every complete record in order
 * and stops a segment at its first torn or damaged record, which only a crash mid-write leaves.
 *
 * <pre>{@code
 * try (WriteAheadLog log = new WriteAheadLog(checkpointDir.resolve("receivedData/words"), 60_000)) {
 *     log.write(blockTime, bytes);
 *     log.clean(lastCompletedBatchTime);
 * }
 * }</pre>
 */
public final class WriteAheadLog implements Closeable {

    private static final String PREFIX = "log-";

    /** A record read back: its time and bytes. */
    public record Entry(long timeMillis, byte[] bytes) {}

    private final Path directory;
    private final long rollIntervalMillis;
    private FileChannel segment;
    private long segmentStartMillis;

    public WriteAheadLog(Path directory, long rollIntervalMillis) throws IOException {
        if (rollIntervalMillis < 1) {
            throw new IllegalArgumentException("the roll interval must be at least 1 ms, not " + rollIntervalMillis);
        }
        this.directory = Files.createDirectories(directory);
        this.rollIntervalMillis = rollIntervalMillis;
    }

    /** Appends a record and forces it to disk; an exception means it may not be in the log. */
    public synchronized void write(long timeMillis, byte[] bytes) throws IOException {
        if (segment == null || timeMillis >= segmentStartMillis + rollIntervalMillis) {
            roll(timeMillis);
        }
        ByteBuffer record = ByteBuffer.allocate(8 + 4 + bytes.length + 8);
        record.putLong(timeMillis).putInt(bytes.length).put(bytes);
        CRC32 crc = new CRC32();
        crc.update(record.array(), 0, record.position());
        record.putLong(crc.getValue()).flip();
        while (record.hasRemaining()) {
            segment.write(record);
        }
        segment.force(false);
    }

    /** Every complete record of every segment, oldest segment first. */
    public synchronized List<Entry> readAll() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : segments()) {
            try (InputStream stream = Files.newInputStream(file)) {
                readSegment(new DataInputStream(stream), entries);
            }
        }
        return entries;
    }

    /**
     * Deletes the segments whose records are all older than {@code thresholdMillis}: those
     * followed by a segment that starts at or before it. The segment being written is kept.
     */
    public synchronized void clean(long thresholdMillis) throws IOException {
        List<Path> files = segments();
        for (int i = 0; i + 1 < files.size(); i++) {
            if (startOf(files.get(i + 1)) <= thresholdMillis) {
                Files.delete(files.get(i));
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }

    private void roll(long timeMillis) throws IOException {
        close();
        // A time earlier than a segment's start (a clock moved back) goes on into that segment's successor.
        long start = Math.max(timeMillis, segmentStartMillis);
        segment = FileChannel.open(directory.resolve(PREFIX + start), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentStartMillis = start;
    }

    private static void readSegment(DataInputStream in, List<Entry> entries) throws IOException {
        while (true) {
            try {
                long time = in.readLong();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return; // a torn length or a record cut short
                }
                byte[] bytes = in.readNBytes(length);
                long storedCrc = in.readLong();
                CRC32 crc = new CRC32();
                crc.update(ByteBuffer.allocate(12).putLong(time).putInt(length).array());
                crc.update(bytes);
                if (crc.getValue() != storedCrc) {
                    return;
                }
                entries.add(new Entry(time, bytes));
            } catch (EOFException tornTail) {
                return;
            }
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
                    .sorted((a, b) -> Long.compare(startOf(a), startOf(b)))
                    .toList();
        }
    }

    private static long startOf(Path segment) {
        return Long.parseLong(segment.getFileName().toString().substring(PREFIX.length()));
    }
}
