package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compiler;
import static dev.sluice.processor.Compilations.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What incremental builds rely on: the processor is declared isolating, each generated file
 * (wiring and test driver) names exactly its pipeline as originating element, recompiling one
 * pipeline (after deleting what was generated from it, as Gradle does) writes only its files,
 * and a build without a pipeline's source has none for it.
 */
class IncrementalCompilationTest {

    private static final PipelineSource FIRST = PipelineSource.inPackage("com.example.shop", "First", """
            @Pipeline(batchInterval = "1s")
            public class First {
                @Source public StreamSource<String> lines() { return null; }
                @Sink(from = "lines") public StreamSink<String> print() { return Sinks.print(); }
            }
            """);

    private static final PipelineSource FIRST_EDITED = PipelineSource.inPackage("com.example.shop", "First", """
            @Pipeline(batchInterval = "1s")
            public class First {
                @Source public StreamSource<String> lines() { return null; }
                @Transform(from = "lines") public String upper(String line) { return line.toUpperCase(); }
                @Sink(from = "upper") public StreamSink<String> print() { return Sinks.print(); }
            }
            """);

    private static final PipelineSource SECOND = PipelineSource.inPackage("com.example.audit", "Second", """
            @Pipeline(batchInterval = "1s")
            public class Second {
                @Source public StreamSource<String> lines() { return null; }
                @Sink(from = "lines") public StreamSink<String> print() { return Sinks.print(); }
            }
            """);

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    @Test
    void processorIsDeclaredIsolatingToGradle() throws IOException {
        try (InputStream declaration = SluiceProcessor.class.getClassLoader()
                .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
            assertThat(declaration).isNotNull();
            assertThat(new String(declaration.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(SluiceProcessor.class.getName() + ",isolating");
        }
    }

    @Test
    void everyGeneratedFileHasExactlyItsPipelineAsOriginatingElement() {
        OriginRecorder recorder = new OriginRecorder(new SluiceProcessor());

        Compilation compilation = compiler().withProcessors(recorder)
                .compile(files(FIRST, SECOND, PipelineLayoutTest.OUTER));

        assertDiagnostics(compilation);
        assertThat(recorder.origins()).containsOnly(
                entry("com.example.shop.FirstWiring", List.of("com.example.shop.First")),
                entry("com.example.shop.FirstTestDriver", List.of("com.example.shop.First")),
                entry("com.example.audit.SecondWiring", List.of("com.example.audit.Second")),
                entry("com.example.audit.SecondTestDriver", List.of("com.example.audit.Second")),
                entry("test.Outer_InnerWiring", List.of("test.Outer.Inner")),
                entry("test.Outer_InnerTestDriver", List.of("test.Outer.Inner")),
                entry("test.Outer_Middle_DeepWiring", List.of("test.Outer.Middle.Deep")),
                entry("test.Outer_Middle_DeepTestDriver", List.of("test.Outer.Middle.Deep")),
                entry("test.Outer_Catalogue_ListedWiring", List.of("test.Outer.Catalogue.Listed")),
                entry("test.Outer_Catalogue_ListedTestDriver", List.of("test.Outer.Catalogue.Listed")));
    }

    @Test
    void recompilingOnePipelineRewritesOnlyItsGeneratedFiles(@TempDir Path project) throws IOException {
        Path first = write(project, FIRST);
        write(project, SECOND);
        Path classes = Files.createDirectories(project.resolve("classes"));
        Path generated = Files.createDirectories(project.resolve("generated"));
        Map<String, List<String>> origins = compile(sourcesIn(project), classes, generated);
        Path secondWiring = generated.resolve("com/example/audit/SecondWiring.java");
        Path secondDriver = generated.resolve("com/example/audit/SecondTestDriver.java");
        Path secondWiringClass = classes.resolve("com/example/audit/SecondWiring.class");
        String secondText = Files.readString(secondWiring);
        Files.setLastModifiedTime(secondWiring, LONG_AGO);
        Files.setLastModifiedTime(secondDriver, LONG_AGO);
        Files.setLastModifiedTime(secondWiringClass, LONG_AGO);

        Files.writeString(first, FIRST_EDITED.text());
        deleteOutputsOf(FIRST.qualifiedName(), origins, classes, generated);
        Map<String, List<String>> written = compile(List.of(first), classes, generated);

        assertThat(written).containsOnlyKeys("com.example.shop.FirstWiring", "com.example.shop.FirstTestDriver");
        assertThat(generated.resolve("com/example/shop/FirstWiring.java")).content()
                .contains("DStream<String> upper = lines.map(pipeline::upper).named(\"upper\");");
        assertThat(Files.getLastModifiedTime(secondWiring)).isEqualTo(LONG_AGO);
        assertThat(Files.getLastModifiedTime(secondDriver)).isEqualTo(LONG_AGO);
        assertThat(Files.getLastModifiedTime(secondWiringClass)).isEqualTo(LONG_AGO);
        assertThat(secondWiring).hasContent(secondText);
    }

    /**
     * The processor deletes nothing: the build does. Maven's compiler plugin, when a source was
     * added, changed or removed, empties the classes and generated-sources directories and
     * recompiles the module, as here; Gradle deletes what an isolating processor wrote from the
     * removed source, found by its originating element (tested above).
     */
    @Test
    void buildWithoutAPipelinesSourceHasNothingGeneratedForIt(@TempDir Path project) throws IOException {
        write(project, FIRST);
        Path second = write(project, SECOND);
        compile(sourcesIn(project), Files.createDirectories(project.resolve("classes")),
                Files.createDirectories(project.resolve("generated")));

        Files.delete(second);
        Path classes = Files.createDirectories(project.resolve("classes-rebuilt"));
        Path generated = Files.createDirectories(project.resolve("generated-rebuilt"));
        Map<String, List<String>> written = compile(sourcesIn(project), classes, generated);

        assertThat(written).containsOnlyKeys("com.example.shop.FirstWiring", "com.example.shop.FirstTestDriver");
        assertThat(filesUnder(generated))
                .containsExactly("com/example/shop/FirstTestDriver.java", "com/example/shop/FirstWiring.java");
        assertThat(filesUnder(classes)).noneMatch(file -> file.startsWith("com/example/audit/Second"))
                .contains("com/example/shop/FirstWiring.class", "com/example/shop/FirstTestDriver.class");
    }

    /**
     * What Gradle does before it recompiles a changed source: deletes its classes and every file
     * generated from it, found by originating element. (ECJ also refuses to write a wiring whose
     * class is still on the class path.)
     */
    private static void deleteOutputsOf(String pipeline, Map<String, List<String>> origins, Path classes,
            Path generated) throws IOException {
        Files.delete(classes.resolve(pipeline.replace('.', '/') + ".class"));
        for (Map.Entry<String, List<String>> file : origins.entrySet()) {
            if (file.getValue().contains(pipeline)) {
                String path = file.getKey().replace('.', '/');
                Files.delete(generated.resolve(path + ".java"));
                Files.delete(classes.resolve(path + ".class"));
            }
        }
    }

    private static Path write(Path project, PipelineSource source) throws IOException {
        Path file = project.resolve("src").resolve(source.qualifiedName().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source.text());
    }

    private static List<Path> sourcesIn(Path project) throws IOException {
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> filesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace(File.separatorChar, '/'))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Compiles {@code sources} as a build tool does, with {@code classes} also on the class path;
     * returns the files the processor wrote, with their originating elements.
     */
    private static Map<String, List<String>> compile(List<Path> sources, Path classes, Path generated)
            throws IOException {
        JavaCompiler compiler = Compilations.javaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                     compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(Compilations.compilerOptions());
            options.addAll(List.of("-d", classes.toString(), "-s", generated.toString(),
                    "-classpath", classes + File.pathSeparator + System.getProperty("java.class.path")));
            OriginRecorder recorder = new OriginRecorder(new SluiceProcessor());
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(recorder));
            assertThat(task.call()).as("compiled without errors: %s", diagnostics.getDiagnostics()).isTrue();
            return recorder.origins();
        }
    }
}
