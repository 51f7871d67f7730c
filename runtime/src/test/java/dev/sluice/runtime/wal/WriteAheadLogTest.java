package dev.sluice.runtime.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(WriteAheadLog log) throws Exception {
        return log.readAll().stream().map(e -> e.timeMillis() + ":" + new String(e.bytes(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void aWriterAbandonedWithoutCloseLeavesEveryWrittenRecordReadable() throws Exception {
        WriteAheadLog crashed = new WriteAheadLog(dir, 1_000);
        crashed.write(0, utf8("a"));
        crashed.write(500, utf8("b"));
        crashed.write(1_200, utf8("c"));                   // a second segment
        // No close: the process is gone. A new log on the same directory reads it all back.

        assertThat(texts(new WriteAheadLog(dir, 1_000))).containsExactly("0:a", "500:b", "1200:c");
    }

    @Test
    void aRecordTornByACrashIsDroppedAndTheCompleteOnesBeforeItKept() throws Exception {
        try (WriteAheadLog log = new WriteAheadLog(dir, 10_000)) {
            log.write(0, utf8("first"));
            log.write(1, utf8("second"));
            log.write(2, utf8("third record, torn"));
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.findFirst().orElseThrow();
        }
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 5);
        }
        assertThat(texts(new WriteAheadLog(dir, 10_000))).containsExactly("0:first", "1:second");

        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 30);                   // inside the third record's bytes
        }
        assertThat(texts(new WriteAheadLog(dir, 10_000))).containsExactly("0:first", "1:second");
    }

    @Test
    void cleaningDeletesOnlySegmentsWhollyOlderThanTheThreshold() throws Exception {
        try (WriteAheadLog log = new WriteAheadLog(dir, 1_000)) {
            log.write(0, utf8("a"));
            log.write(1_000, utf8("b"));
            log.write(2_000, utf8("c"));
            log.clean(1_500);                              // "b" at 1000 may still be unprocessed

            assertThat(texts(log)).containsExactly("1000:b", "2000:c");
            log.clean(2_000);
            assertThat(texts(log)).containsExactly("2000:c");
        }
    }
}
