package dev.sluice.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import java.io.InvalidClassException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectFilesTest {

    record Reading(String sensor, double value) implements Serializable {}

    @TempDir
    Path dir;

    @Test
    void readsBackTheRecordsOfABatchPartitionAfterPartition() throws Exception {
        StreamSink<Pair<String, Integer>> sink = Sinks.objectFiles(dir.resolve("counts").toString(), "obj");
        sink.write(Batch.of(Time.ofMillis(5000), List.of(
                List.of(Pair.of("a", 5), Pair.of("b", 2)), List.of(), List.of(Pair.of("c", 2)))));

        Path batch = dir.resolve("counts-5000.obj");
        assertThat(batch.resolve("part-00002")).exists();
        assertThat(batch.resolve("_SUCCESS")).exists();
        List<Pair<String, Integer>> counts = ObjectFiles.read(batch);
        assertThat(counts).containsExactly(Pair.of("a", 5), Pair.of("b", 2), Pair.of("c", 2));
    }

    @Test
    void acceptsTheUsersClassesOnlyWhenNamed() throws Exception {
        Sinks.<Reading>objectFiles(dir.resolve("readings").toString(), null)
                .write(Batch.of(Time.ofMillis(1000), List.of(List.of(new Reading("t1", 21.5)))));
        Path batch = dir.resolve("readings-1000");

        assertThatThrownBy(() -> ObjectFiles.read(batch))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining(batch.resolve("part-00000").toString())
                .hasMessageContaining("REJECTED")
                .hasMessageContaining("allow the records' classes by passing them to ObjectFiles.read");
        List<Reading> readings = ObjectFiles.read(batch, Reading.class);
        assertThat(readings).containsExactly(new Reading("t1", 21.5));
    }

    @Test
    void rejectsAClassOutsideTheAllowListBeforeInstantiatingIt() throws Exception {
        // java.util.HashMap is serializable and harmless, but not allowed: it must not be built.
        Sinks.<Object>objectFiles(dir.resolve("maps").toString(), "obj").write(
                Batch.of(Time.ofMillis(1000), List.of(List.of(new java.util.HashMap<>(java.util.Map.of("k", 1))))));

        assertThatThrownBy(() -> ObjectFiles.read(dir.resolve("maps-1000.obj")))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("java.util.HashMap");
    }

    @Test
    void refusesADirectoryWithoutSuccessAsAnIncompleteBatch() throws Exception {
        Path incomplete = Files.createDirectory(dir.resolve("counts-1000.obj"));

        assertThatThrownBy(() -> ObjectFiles.read(incomplete))
                .isInstanceOf(IOException.class)
                .hasMessage(incomplete + " holds no _SUCCESS: it is not a complete batch of object files");
    }

    @Test
    void failsTheBatchNamingARecordThatIsNotSerializable() {
        StreamSink<Object> sink = Sinks.objectFiles(dir.resolve("bad").toString(), "obj");

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of(new Object())))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write batch 1000 ms to " + dir.resolve("bad-1000.obj"))
                .hasMessageContaining("NotSerializableException: java.lang.Object");
        assertThat(dir.resolve("bad-1000.obj")).doesNotExist();
    }
}
