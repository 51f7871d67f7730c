package dev.sluice.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text and object file sinks with real symbolic links where a user might put them. */
class FileSinkSymbolicLinksTest {

    @TempDir
    Path dir;

    @Test
    void aPrefixUnderALinkedDirectoryWritesWhereTheLinkLeads() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Path data = Files.createSymbolicLink(dir.resolve("data"), disk);

        Sinks.<String>textFiles(data.resolve("counts").toString(), "txt")
                .write(Batch.of(Time.ofMillis(1000), List.of(List.of("a"))));

        assertThat(listing(disk)).containsExactly("counts-1000.txt", "counts-1000.txt/_SUCCESS", "counts-1000.txt/part-00000");
        assertThat(Files.readString(data.resolve("counts-1000.txt/part-00000"))).isEqualTo("a\n");
    }

    @Test
    void aLinkAtABatchDirectorysNameFailsTheBatchAndLeavesTheLinkAndWhereItLeadsAlone() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep"), "precious");
        Path out = Files.createDirectory(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("counts-1000.txt"), elsewhere);

        for (StreamSink<String> sink : List.<StreamSink<String>>of(Sinks.textFiles(out.resolve("counts").toString(), "txt"),
                Sinks.objectFiles(out.resolve("counts").toString(), "txt"))) {
            assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a")))))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot write batch 1000 ms to " + link + ": it is a symbolic link to " + elsewhere
                            + ", not a batch directory; the sink does not write through or replace a link at a batch"
                            + " directory's name (remove it to let the batch be written)");
        }

        assertThat(Files.readSymbolicLink(link)).isEqualTo(elsewhere);
        assertThat(listing(elsewhere)).containsExactly("keep");
        assertThat(listing(out)).containsExactly("counts-1000.txt");
    }

    @Test
    void aDanglingLinkAtABatchDirectorysNameIsRefusedToo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("counts-1000.txt"), dir.resolve("gone"));

        assertThatThrownBy(() -> Sinks.<String>textFiles(dir.resolve("counts").toString(), "txt")
                .write(Batch.empty(Time.ofMillis(1000))))
                .hasMessageContaining(link + ": it is a symbolic link to " + dir.resolve("gone"));
        assertThat(dir.resolve("gone")).doesNotExist();
    }

    @Test
    void aLeftoverTemporaryThatIsALinkIsRemovedAsALinkNeverWhereItLeads() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep"), "precious");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve(".counts-1000.txt.2f0c9a4e.tmp"), elsewhere);

        Sinks.<String>textFiles(out.resolve("counts").toString(), "txt")
                .write(Batch.of(Time.ofMillis(1000), List.of(List.of("a"))));

        assertThat(listing(out)).containsExactly("counts-1000.txt", "counts-1000.txt/_SUCCESS", "counts-1000.txt/part-00000");
        assertThat(Files.readString(elsewhere.resolve("keep"))).isEqualTo("precious");
    }

    /** Every path under {@code root}, relative and sorted, hidden ones included; links not followed. */
    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.filter(path -> !path.equals(root)).map(path -> root.relativize(path).toString()).sorted().toList();
        }
    }
}
