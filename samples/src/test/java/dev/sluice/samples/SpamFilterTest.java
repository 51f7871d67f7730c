package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.TestOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SpamFilter}: each batch joined with the static blocklist, read from a file or the bundled one. */
class SpamFilterTest {

    @TempDir
    Path directory;

    @Test
    void dropsTheLinesOfBlockedSendersBatchByBatch() throws Exception {
        Path file = directory.resolve("blocked.txt");
        Files.writeString(file, "# blocked\nspammer\n\n  bot42  \n", StandardCharsets.UTF_8);
        List<String> blocked = SpamFilterSample.readBlocklist(Optional.of(file));
        assertThat(blocked).containsExactly("spammer", "bot42");

        try (SpamFilterTestDriver driver = SpamFilterTestDriver.create(new SpamFilter("127.0.0.1", 9999, blocked))) {
            driver.lines("alice: lunch?", "spammer: you won", "no sender at all");
            Time first = driver.advance();
            driver.lines("bot42: cheap pills");
            Time second = driver.advance();

            TestOutput<String> allowed = driver.print();
            assertThat(allowed.batch(first)).containsExactlyInAnyOrder("alice: lunch?", "no sender at all");
            assertThat(allowed.batch(second)).isEmpty();
        }
    }

    @Test
    void bundledBlocklistAndAMissingFile() throws Exception {
        assertThat(SpamFilterSample.readBlocklist(Optional.empty())).containsExactly("spammer", "bot42");
        Path missing = directory.resolve("missing.txt");
        assertThatThrownBy(() -> SpamFilterSample.readBlocklist(Optional.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--blocklist: cannot read the file " + missing);
    }
}
