package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark wirings the processor generated for this module's test pipelines, which this
 * module's build compiled against Spark, compared as exact text with
 * {@code src/test/resources/golden/<name>.java}. Run with {@code -Dsluice.golden.update=true}
 * to rewrite them from the current output (then review the diff).
 */
class SparkWiringGoldenTest {

    private static final Path GENERATED = Path.of("target", "generated-test-sources", "test-annotations", "dev",
            "sluice", "spark", "pipelines");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest
    @ValueSource(strings = {"WordCountSparkWiring", "EveryStageKindSparkWiring", "EveryOperatorSparkWiring",
            "KeyedOperatorsSparkWiring"})
    void generatedSparkWiringMatchesItsGoldenFile(String name) throws IOException {
        String generated = Files.readString(GENERATED.resolve(name + ".java"), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(name + ".java");
        if (Boolean.getBoolean("sluice.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (rewrite with -Dsluice.golden.update=true)", golden).exists();
        assertThat(generated).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
