package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Time;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's custom receiver, run as a user would run it. */
class CustomReceiverExampleTest {

    /** Stores the lines of a file; waits, restarting, until the file exists. */
    static final class FileLinesReceiver extends Receiver<String> {
        private final Path file;
        /** Only for the test: how often onStart ran. */
        final java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();

        FileLinesReceiver(Path file) {
            this.file = file;
        }

        @Override
        public void onStart() {
            starts.incrementAndGet();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while (!isStopped() && (line = reader.readLine()) != null) {
                    store(line);
                }
            } catch (NoSuchFileException e) {
                restart("waiting for " + file);                    // onStart runs again after a delay
            } catch (IOException e) {
                reportError("cannot read " + file, e);           // logged; the receiver keeps running
            }
        }

        @Override
        public void onStop() {
            // Nothing to release: the reader is closed when onStart returns.
        }
    }

    @TempDir
    Path dir;

    @Test
    void restartsUntilTheFileExistsThenStoresItsLines() throws Exception {
        Path file = dir.resolve("lines.txt");
        TestSourceContext context = new TestSourceContext("lines", 100);
        FileLinesReceiver receiver = new FileLinesReceiver(file);
        ReceiverSource<String> source = new ReceiverSource<>(receiver);
        source.start(context);
        try {
            Await.until("a restart while the file is missing", () -> receiver.starts.get() >= 2,
                    () -> context.clock.advance(java.time.Duration.ofSeconds(1)));
            Files.writeString(file, "first\nsecond\n");
            List<String> received = new ArrayList<>();
            long[] batch = {0};
            Await.until("both lines", () -> {
                source.nextBatch(Time.ofMillis(batch[0] += 1000)).forEach(received::addAll);
                return received.size() >= 2;
            }, () -> context.clock.advance(java.time.Duration.ofSeconds(1)));

            assertThat(received).containsExactly("first", "second");
            assertThat(context.errors).isEmpty();
        } finally {
            source.stop();
        }
    }
}
