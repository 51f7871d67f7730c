package dev.sluice.benchmarks.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much the Sluice processor adds to javac: compiles a generated project of pipeline classes
 * (200 by default) with javac in this JVM, with {@code -proc:none} and with the processor on the
 * processor path (which also compiles the wirings and test drivers it writes), after warm-up
 * compiles, rotating which goes first. A third variant compiles the same generated sources,
 * written beforehand, with {@code -proc:none}: it tells javac's time on the generated code apart
 * from the processor's own (with the extra round it costs javac). Prints the median, minimum and
 * maximum of each, the added time, and a JSON line.
 *
 * <pre>{@code
 * java -cp ... dev.sluice.benchmarks.processor.ProcessorBenchmark [pipelines] [runs] [warm-ups]
 * }</pre>
 */
public final class ProcessorBenchmark {

    private static final String PROCESSOR = "dev.sluice.processor.SluiceProcessor";

    /** What javac is given besides the pipeline classes. */
    private enum Variant {
        /** Nothing: {@code -proc:none}. */
        PLAIN,
        /** The Sluice processor, which writes the wirings that javac then compiles. */
        SLUICE,
        /** The generated sources, written beforehand, with {@code -proc:none}. */
        WIRINGS
    }

    private ProcessorBenchmark() {}

    public static void main(String[] args) throws IOException {
        int pipelines = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path project = Files.createTempDirectory("sluice-processor-benchmark");
        try {
            List<Path> sources = GeneratedProject.write(project.resolve("src"), pipelines);
            List<Path> withWirings = new ArrayList<>(sources);
            withWirings.addAll(wirings(project, sources));
            Variant[] variants = Variant.values();
            long[][] nanos = new long[variants.length][runs];
            for (int i = -warmUps; i < runs; i++) {
                // Rotating the order keeps a slow spell of the shared machine from landing on one variant.
                for (int k = 0; k < variants.length; k++) {
                    Variant variant = variants[Math.floorMod(i + k, variants.length)];
                    long elapsed = compile(project, variant == Variant.WIRINGS ? withWirings : sources, variant,
                            pipelines, "run" + i);
                    if (i >= 0) {
                        nanos[variant.ordinal()][i] = elapsed;
                    }
                }
            }
            report(pipelines, runs, nanos);
        } finally {
            delete(project);
        }
    }

    /** What the processor generates for {@code sources} (wirings, test drivers), written once into {@code wirings}. */
    private static List<Path> wirings(Path project, List<Path> sources) throws IOException {
        Path generated = Files.createDirectories(project.resolve("wirings"));
        run(sources, Files.createDirectories(project.resolve("wirings-classes")), generated, Variant.SLUICE);
        try (Stream<Path> files = Files.walk(generated)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** One javac run into fresh directories; returns its wall time in nanoseconds. */
    private static long compile(Path project, List<Path> sources, Variant variant, int pipelines, String run)
            throws IOException {
        Path output = project.resolve(variant.name().toLowerCase(Locale.ROOT) + "-" + run);
        Path generated = Files.createDirectories(output.resolve("generated"));
        Path classes = Files.createDirectories(output.resolve("classes"));
        long elapsed = run(sources, classes, generated, variant);
        long wirings = count(classes, "Wiring.class");
        if (wirings != (variant == Variant.PLAIN ? 0 : pipelines)) {
            throw new IllegalStateException(variant + ": " + wirings + " wirings compiled for " + pipelines + " pipelines");
        }
        delete(output);
        return elapsed;
    }

    private static long run(List<Path> sources, Path classes, Path generated, Variant variant) throws IOException {
        String classpath = System.getProperty("java.class.path");
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
                "-classpath", classpath));
        if (variant == Variant.SLUICE) {
            options.addAll(List.of("-processorpath", classpath, "-processor", PROCESSOR));
        } else {
            options.add("-proc:none");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            long start = System.nanoTime();
            boolean compiled = task.call();
            long elapsed = System.nanoTime() - start;
            if (!compiled) {
                throw new IllegalStateException("the benchmark project did not compile: " + diagnostics.getDiagnostics());
            }
            return elapsed;
        }
    }

    private static void report(int pipelines, int runs, long[][] nanos) {
        long[] plain = nanos[Variant.PLAIN.ordinal()];
        long[] sluice = nanos[Variant.SLUICE.ordinal()];
        long[] wirings = nanos[Variant.WIRINGS.ordinal()];
        double added = median(sluice) - median(plain);
        double percent = 100 * added / median(plain);
        double wiringCode = median(wirings) - median(plain);
        System.out.printf(Locale.ROOT, "%d pipeline classes, %d runs each, median (min-max):%n", pipelines, runs);
        line("javac -proc:none", plain);
        line("javac + Sluice processor", sluice);
        line("javac, generated as sources", wirings);
        System.out.printf(Locale.ROOT, "added by the processor:   %7.0f ms (%+.1f%%), of which compiling the generated"
                        + " code %.0f ms and the processor with its extra round %.0f ms%n", added, percent, wiringCode,
                added - wiringCode);
        System.out.printf(Locale.ROOT, "{\"pipelines\":%d,\"runs\":%d,%s,%s,%s,\"added_ms\":%.0f,"
                        + "\"added_percent\":%.1f,\"wiring_code_ms\":%.0f}%n", pipelines, runs, json("plain", plain),
                json("sluice", sluice), json("wirings", wirings), added, percent, wiringCode);
    }

    private static void line(String label, long[] nanos) {
        System.out.printf(Locale.ROOT, "  %-26s %7.0f ms (%.0f-%.0f)%n", label, median(nanos), millis(min(nanos)),
                millis(max(nanos)));
    }

    private static String json(String name, long[] nanos) {
        return String.format(Locale.ROOT, "\"%s_median_ms\":%.0f,\"%s_min_ms\":%.0f,\"%s_max_ms\":%.0f", name,
                median(nanos), name, millis(min(nanos)), name, millis(max(nanos)));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return median / 1e6;
    }

    private static long min(long[] nanos) {
        return Arrays.stream(nanos).min().orElseThrow();
    }

    private static long max(long[] nanos) {
        return Arrays.stream(nanos).max().orElseThrow();
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static long count(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(suffix)).count();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
