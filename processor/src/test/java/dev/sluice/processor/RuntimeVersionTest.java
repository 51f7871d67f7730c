package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.sluice.annotations.Pipeline;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime older than the processor: an operator it lacks is an error on the stage, never a
 * wiring that does not compile.
 */
class RuntimeVersionTest {

    @TempDir
    Path oldRuntime;

    @Test
    void operatorTheRuntimeLacksIsReportedOnTheStage() throws Exception {
        compileOldRuntime();
        PipelineSource source = PipelineSource.of("OldRuntime", """
                @Pipeline(batchInterval = "1s")
                public class OldRuntime {
                    @Source public StreamSource<Pair<String, Integer>> clicks() { return null; }
                    @Source public StreamSource<Pair<String, String>> names() { return null; }

                    @Join(left = "clicks", right = "names")
                    PairDStream<String, Pair<Integer, String>> joined;

                    @Sink(from = "joined") public StreamSink<Pair<String, Pair<Integer, String>>> print() { return null; }
                }
                """).withoutImport("dev.sluice.runtime.state");

        Compilation compilation = Compiler.javac()
                .withProcessors(new SluiceProcessor())
                .withClasspath(List.of(oldRuntime.toFile(), annotationsOnTheClasspath()))
                .compile(source.file());

        assertDiagnostics(compilation, error(source, "@Join(left",
                "[Sluice/RuntimeOperatorMissing] the generated wiring calls the runtime's join for field joined;"
                        + " the Sluice runtime on the classpath of OldRuntime has no join. Use a version of"
                        + " dev.sluice:sluice-runtime that has it"));
    }

    // The types the processor needs from any runtime, with a keyed stream that has no join.
    private void compileOldRuntime() throws IOException {
        Compilation runtime = Compiler.javac().compile(
                source("dev.sluice.runtime.Pair", "public record Pair<K, V>(K key, V value) {}"),
                source("dev.sluice.runtime.Time", "public final class Time {}"),
                source("dev.sluice.runtime.Batch", "public class Batch<T> {}"),
                source("dev.sluice.runtime.DStream", "public abstract class DStream<T> {"
                        + " public abstract DStream<T> named(String name); }"),
                source("dev.sluice.runtime.PairDStream", "public abstract class PairDStream<K, V>"
                        + " extends DStream<Pair<K, V>> { public abstract PairDStream<K, V> named(String name); }"),
                source("dev.sluice.runtime.source.StreamSource", "public interface StreamSource<T> {}"),
                source("dev.sluice.runtime.sink.StreamSink", "public interface StreamSink<T> {}"));
        assertThat(runtime.errors()).isEmpty();
        for (JavaFileObject file : runtime.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            // the file's name is /CLASS_OUTPUT/dev/sluice/runtime/Pair.class
            String name = file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", "");
            Path target = oldRuntime.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.copy(in, target);
            }
        }
    }

    private static JavaFileObject source(String qualifiedName, String body) {
        String packageName = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
        return JavaFileObjects.forSourceString(qualifiedName, "package " + packageName + ";\n"
                + (packageName.equals("dev.sluice.runtime") ? "" : "import dev.sluice.runtime.*;\n") + body);
    }

    private static File annotationsOnTheClasspath() throws URISyntaxException {
        return new File(Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
