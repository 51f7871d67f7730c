package dev.sluice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * Golden files: generated sources compared as exact text with
 * {@code src/test/resources/golden/<name>.java}. Run with {@code -Dsluice.golden.update=true}
 * to rewrite them from the current output (then review the diff).
 */
final class Goldens {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("sluice.golden.update");

    private Goldens() {}

    static String generated(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated; diagnostics: "
                        + compilation.diagnostics()));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(Compilation compilation, String qualifiedName) {
        String actual = generated(compilation, qualifiedName);
        Path golden = DIRECTORY.resolve(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1) + ".java");
        try {
            if (UPDATE) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file %s (rewrite with -Dsluice.golden.update=true)", golden).exists();
            assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
