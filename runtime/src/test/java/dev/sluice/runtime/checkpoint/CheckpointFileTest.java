package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InvalidClassException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    private static final String FINGERPRINT = "words:source:String>counts:reduceByKey:Pair<String,Long>";

    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWrittenAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("checkpoint-1000");
        CheckpointFile.write(file, FINGERPRINT, "state".getBytes(StandardCharsets.UTF_8));
        CheckpointFile.write(file, FINGERPRINT, "newer state".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(CheckpointFile.read(file, FINGERPRINT), StandardCharsets.UTF_8)).isEqualTo("newer state");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoint-1000");
        }
    }

    @Test
    void garbageIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("checkpoint-2000");
        Files.write(file, "not a checkpoint at all, just text".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CheckpointFile.read(file, FINGERPRINT))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("magic");
    }

    @Test
    void aTruncatedOrFlippedFileFailsItsCrc() throws Exception {
        Path file = dir.resolve("checkpoint-3000");
        CheckpointFile.write(file, FINGERPRINT, new byte[1000]);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> CheckpointFile.read(file, FINGERPRINT))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("CRC");

        bytes[500] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(file, FINGERPRINT))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining("CRC");
    }

    @Test
    void aCheckpointOfAnotherPipelineIsRefusedNamingBothFingerprints() throws Exception {
        Path file = dir.resolve("checkpoint-4000");
        CheckpointFile.write(file, FINGERPRINT, new byte[] {1, 2, 3});
        String renamed = "words:source:String>totals:reduceByKey:Pair<String,Long>";

        assertThatThrownBy(() -> CheckpointFile.read(file, renamed))
                .isInstanceOf(IncompatibleCheckpointException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(FINGERPRINT)
                .hasMessageContaining(renamed);
    }

    @Test
    void deserializationAllowsListedClassesAndRefusesOthers() throws Exception {
        FilteredDeserialization codec = FilteredDeserialization.allowing("");
        Map<String, Long> counts = new HashMap<>(Map.of("a", 1L, "b", 2L));
        assertThat(codec.deserialize(codec.serialize((Serializable) counts))).isEqualTo(counts);

        FilteredDeserialization allowing = FilteredDeserialization.allowing(NotAllowed.class.getName());
        byte[] gadget = allowing.serialize(new NotAllowed("x"));
        assertThatThrownBy(() -> codec.deserialize(gadget))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("class " + NotAllowed.class.getName())
                .hasMessageContaining("REJECTED");
        assertThat(allowing.deserialize(gadget)).isEqualTo(new NotAllowed("x"));
    }

    @Test
    void serializationRefusesWhatCouldNotBeReadBack() {
        FilteredDeserialization codec = FilteredDeserialization.allowing("");
        assertThatThrownBy(() -> codec.serializeChecked(new HashMap<>(Map.of("a", new NotAllowed("x")))))
                .isInstanceOf(InvalidClassException.class)
                .hasMessage(NotAllowed.class.getName() + "; this class is not on the allow-list, so it could not be"
                        + " read back; allow it explicitly");
    }

    record NotAllowed(String value) implements Serializable {}
}
