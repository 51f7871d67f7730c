package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Where pipelines live: several in one compilation, in different packages (two with the same
 * simple name, one in the unnamed package), and nested in another class, whose wiring is named
 * {@code Outer_InnerWiring}, in the package of the outermost class (and reported if a top-level
 * {@code Outer_Inner} pipeline takes that name).
 */
class PipelineLayoutTest {

    private static final String BODY = """
                @Source public StreamSource<String> lines() { return null; }
                @Sink(from = "lines") public StreamSink<String> print() { return Sinks.print(); }
            """;

    @Test
    void everyPipelineOfACompilationIsWiredInItsOwnPackage() {
        PipelineSource shop = PipelineSource.inPackage("com.example.shop", "Orders",
                "@Pipeline(batchInterval = \"1s\")\npublic class Orders {\n" + BODY + "}\n");
        PipelineSource audit = PipelineSource.inPackage("com.example.audit", "Orders",
                "@Pipeline(batchInterval = \"2s\")\npublic class Orders {\n" + BODY + "}\n");
        PipelineSource scratch = PipelineSource.inPackage("", "Scratch",
                "@Pipeline(batchInterval = \"3s\")\npublic class Scratch {\n" + BODY + "}\n");

        Compilation compilation = compile(shop, audit, scratch);

        assertDiagnostics(compilation);
        assertThat(Goldens.generated(compilation, "com.example.shop.OrdersWiring"))
                .startsWith("package com.example.shop;\n")
                .contains("StreamingContext.create(config, Duration.ofSeconds(1))");
        assertThat(Goldens.generated(compilation, "com.example.audit.OrdersWiring"))
                .startsWith("package com.example.audit;\n")
                .contains("StreamingContext.create(config, Duration.ofSeconds(2))");
        assertThat(Goldens.generated(compilation, "ScratchWiring"))
                .startsWith("import ")
                .contains("public static StreamingContext wire(Scratch pipeline, StreamingConfig config)");
    }

    static final PipelineSource OUTER = PipelineSource.of("Outer", """
            public class Outer {
                @Pipeline(batchInterval = "1s")
                public static class Inner {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "lines") public int lengths(String line) { return line.length(); }
                    @Sink(from = "lengths") public StreamSink<Integer> print() { return Sinks.print(); }
                }

                static class Middle {
                    @Pipeline(batchInterval = "1s")
                    static class Deep {
            """ + BODY + """
                    }
                }

                interface Catalogue {
                    @Pipeline(batchInterval = "1s")
                    class Listed {
            """ + BODY + """
                    }
                }
            }
            """);

    @Test
    void nestedPipelineIsWiredAsOuterUnderscoreInner() {
        Compilation compilation = compile(OUTER);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.Outer_InnerWiring");
        assertThat(Goldens.generated(compilation, "test.Outer_Middle_DeepWiring"))
                .contains("public static StreamingContext wire(Outer.Middle.Deep pipeline, StreamingConfig config)");
        assertThat(Goldens.generated(compilation, "test.Outer_Catalogue_ListedWiring"))
                .contains("public static StreamingContext wire(Outer.Catalogue.Listed pipeline,");
    }

    @Test
    void nestedAndTopLevelPipelinesWithTheSameWiringNameAreReported() {
        PipelineSource topLevel = PipelineSource.of("Outer_Inner",
                "@Pipeline(batchInterval = \"1s\")\npublic class Outer_Inner {\n" + BODY + "}\n");
        PipelineSource nested = PipelineSource.of("Outer", """
                public class Outer {
                    @Pipeline(batchInterval = "1s")
                    public static class Inner {
                """ + BODY + """
                    }
                }
                """);

        Compilation compilation = compile(topLevel, nested);

        assertDiagnostics(compilation, error(topLevel, "@Pipeline",
                "[Sluice/WiringNameTaken] a pipeline's wiring is a class named after it; Outer_Inner would be wired"
                        + " as Outer_InnerWiring, which is already the wiring of Outer.Inner. Rename one of the two"
                        + " classes"));
    }
}
