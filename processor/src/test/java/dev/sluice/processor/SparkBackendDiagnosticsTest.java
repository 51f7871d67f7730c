package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the Spark backend adds: the option that asks for it, and what would fail on Spark with
 * "Task not serializable", reported at compile time. Spark itself is not on this module's
 * classpath, so a pipeline that passes the rules is reported as missing Spark here; the spark
 * module compiles the generated Spark wiring against Spark.
 */
class SparkBackendDiagnosticsTest {

    private static final String FIELD_FIX = ", which is not Serializable. Declare it with a Serializable type, create"
            + " the value inside the stage that uses it, or mark it transient if only @Source and @Sink methods and"
            + " whole-batch @Transform methods, which run on the driver, use it";

    private static Compilation compile(String backends, PipelineSource source) {
        return Compilations.compile(List.of("-Asluice.backend=" + backends), source);
    }

    @Test
    void aPipelineThatIsNotSerializableIsAnErrorOnItsAnnotation() {
        PipelineSource source = PipelineSource.of("Plain", """
                @Pipeline(batchInterval = "1s")
                public class Plain {
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile("lean,spark", source);

        assertDiagnostics(compilation, error(source, "@Pipeline",
                "[Sluice/SparkPipelineNotSerializable] on Spark, a pipeline is serialized to the executors with every"
                        + " stage that calls it; Plain does not implement java.io.Serializable. Declare it as class"
                        + " Plain implements Serializable"));
    }

    @Test
    void aFieldOfAClassThatIsNotSerializableIsAnErrorOnTheField() {
        PipelineSource source = PipelineSource.of("Fields", """
                @Pipeline(batchInterval = "1s")
                public class Fields implements java.io.Serializable {
                    private final Thread worker = new Thread();
                    private final Object[] locks = { new Object() };
                    private final java.io.InputStream[] streams = {};
                    private final List<String> stopWords = List.of("a");
                    private final java.util.function.Function<String, String> trim = String::trim;
                    private final java.nio.file.Path input = null;
                    private final transient Thread driverOnly = null;
                    private static final Thread SHARED = null;
                    private final int limit = 3;
                    @Window(from = "lines", length = "2s") DStream<String> recent;
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "recent") public StreamSink<String> print() { return null; }
                }
                """);

        assertDiagnostics(compile("spark", source),
                error(source, "Thread worker",
                        "[Sluice/SparkFieldNotSerializable] on Spark, a pipeline's fields are serialized to the"
                                + " executors with it; field worker is declared as Thread" + FIELD_FIX),
                error(source, "InputStream[] streams",
                        "[Sluice/SparkFieldNotSerializable] on Spark, a pipeline's fields are serialized to the"
                                + " executors with it; field streams is declared as InputStream[]" + FIELD_FIX),
                error(source, "Function<String, String> trim",
                        "[Sluice/SparkFieldNotSerializable] on Spark, a pipeline's fields are serialized to the"
                                + " executors with it; field trim is declared as Function<String, String>" + FIELD_FIX),
                error(source, "Path input",
                        "[Sluice/SparkFieldNotSerializable] on Spark, a pipeline's fields are serialized to the"
                                + " executors with it; field input is declared as Path" + FIELD_FIX));
    }

    @Test
    void aFieldInheritedFromASuperclassIsReportedOnThePipeline() {
        PipelineSource source = PipelineSource.of("Inheriting", """
                @Pipeline(batchInterval = "1s")
                public class Inheriting extends Base implements java.io.Serializable {
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                class Base {
                    protected final Thread helper = null;
                }
                """);

        assertDiagnostics(compile("lean,spark", source), error(source, "@Pipeline",
                "[Sluice/SparkFieldNotSerializable] on Spark, a pipeline's fields are serialized to the executors"
                        + " with it; field helper is declared as Thread" + FIELD_FIX));
    }

    @Test
    void aSerializablePipelineWithoutSparkOnTheClasspathIsAnError() {
        PipelineSource source = PipelineSource.of("Ready", """
                @Pipeline(batchInterval = "1s")
                public class Ready implements java.io.Serializable {
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile("lean,spark", source);

        assertDiagnostics(compilation, error(source, "@Pipeline",
                "[Sluice/SparkMissing] the Spark wiring needs Spark and Sluice's Spark adapters;"
                        + " dev.sluice.spark.SparkStreams is not on the classpath of Ready. Add the dependencies"
                        + " dev.sluice:sluice-spark and org.apache.spark:spark-streaming_2.13 (scope provided), or"
                        + " leave spark out of -Asluice.backend"));
    }

    @Test
    void withoutTheSparkBackendNoSparkRuleApplies() {
        PipelineSource source = PipelineSource.of("LeanOnly", """
                @Pipeline(batchInterval = "1s")
                public class LeanOnly {
                    private final Thread worker = null;
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile("lean", source);

        assertDiagnostics(compilation);
        assertThat(compilation.generatedSourceFile("test.LeanOnlyWiring")).isPresent();
    }

    @Test
    void anUnknownBackendIsAnError() {
        PipelineSource source = PipelineSource.of("Any", """
                @Pipeline(batchInterval = "1s")
                public class Any {
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile("lean,flink", source);

        // About the compiler's options, so on no source line (javac says line -1, ECJ 0).
        assertThat(compilation.errors()).singleElement().satisfies(error -> {
            assertThat(error.getSource()).isNull();
            assertThat(error.getMessage(Locale.ROOT)).isEqualTo("[Sluice/UnknownBackend] the processor option"
                    + " sluice.backend lists the wirings to generate, lean and spark; it names 'flink'. Write"
                    + " -Asluice.backend=lean, -Asluice.backend=spark or -Asluice.backend=lean,spark");
        });
    }
}
