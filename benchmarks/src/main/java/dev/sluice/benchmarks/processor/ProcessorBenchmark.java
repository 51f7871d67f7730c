package dev.sluice.benchmarks.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much the Sluice processor adds to javac: compiles a generated project of pipeline classes
 * (200 by default) with javac in this JVM, after warm-up compiles, in four {@link Variant}s: the
 * pipelines alone with {@code -proc:none}; the pipelines and the generated sources, written
 * beforehand, with {@code -proc:none} (the fair baseline: that code must be compiled whatever
 * writes it); a processor that only writes those sources through the Filer (what javac makes
 * any processor generating them pay: its Filer and the extra round); and the Sluice processor
 * on the processor path. The variants run interleaved, rotating which goes first, so that each
 * run gives one time of each taken moments apart and the ratios of a run cancel the drift of a
 * shared machine's load. Prints the median, minimum and maximum of each variant and of the
 * per-run ratios, the time javac spent in the Sluice variant's processing rounds, and a JSON line.
 *
 * <pre>{@code
 * java -cp ... dev.sluice.benchmarks.processor.ProcessorBenchmark [pipelines] [runs] [warm-ups]
 * }</pre>
 */
public final class ProcessorBenchmark {

    private static final String PROCESSOR = "dev.sluice.processor.SluiceProcessor";

    // What a user's project compiles against and runs its processors from, rather than the
    // benchmarks' own class path with Spark on it: javac looks up names in every entry.
    private static final String PROJECT_CLASSPATH = ClassPaths.holding(
            "dev.sluice.annotations.Pipeline", "dev.sluice.runtime.StreamingContext", "org.slf4j.Logger");
    private static final Pattern GENERATED_SUFFIX = Pattern.compile("(Wiring|TestDriver)$");
    private static final String PROCESSOR_PATH = ClassPaths.holding(
            PROCESSOR, "dev.sluice.annotations.Pipeline", "com.palantir.javapoet.JavaFile");

    /** What javac is given besides the pipeline classes. */
    private enum Variant {
        /** Nothing: {@code -proc:none}. */
        PLAIN,
        /** The Sluice processor, which writes the wirings that javac then compiles. */
        SLUICE,
        /** The generated sources, written beforehand, with {@code -proc:none}. */
        WIRINGS,
        /** A processor that writes the generated sources, rendered beforehand, through the Filer. */
        FILER
    }

    private ProcessorBenchmark() {}

    public static void main(String[] args) throws IOException {
        int pipelines = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path project = Files.createTempDirectory("sluice-processor-benchmark");
        try {
            List<Path> sources = GeneratedProject.write(project.resolve("src"), pipelines);
            Path generated = Files.createDirectories(project.resolve("wirings"));
            List<Path> generatedSources = generate(project, sources, generated);
            List<Path> withWirings = new ArrayList<>(sources);
            withWirings.addAll(generatedSources);
            Compiles compiles = new Compiles(project, pipelines, sources, withWirings,
                    byPipeline(generated, generatedSources));
            Variant[] variants = Variant.values();
            long[][] nanos = new long[variants.length][runs];
            long[] rounds = new long[runs];
            long[][] cpu = new long[variants.length][runs];
            for (int i = -warmUps; i < runs; i++) {
                // Rotating the order keeps a slow spell of the shared machine from landing on one variant.
                for (int k = 0; k < variants.length; k++) {
                    Variant variant = variants[Math.floorMod(i + k, variants.length)];
                    long[] elapsed = compiles.compile(variant, "run" + i);
                    if (i >= 0) {
                        nanos[variant.ordinal()][i] = elapsed[0];
                        cpu[variant.ordinal()][i] = elapsed[2];
                        if (variant == Variant.SLUICE) {
                            rounds[i] = elapsed[1];
                        }
                    }
                }
            }
            report(pipelines, runs, nanos, rounds);
            // javac runs on this thread: its CPU time is what other processes on the machine disturb least.
            System.out.println("CPU time of the compiling thread:");
            report(pipelines, runs, cpu, null);
        } finally {
            delete(project);
        }
    }

    /** What the processor generates for {@code sources} (wirings, test drivers), written once into {@code generated}. */
    private static List<Path> generate(Path project, List<Path> sources, Path generated) throws IOException {
        run(sources, Files.createDirectories(project.resolve("wirings-classes")), generated, Variant.SLUICE, null);
        try (Stream<Path> files = Files.walk(generated)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The generated sources under {@code root}, in memory, by the pipeline class each was written for. */
    private static Map<String, List<PrewrittenSources.Source>> byPipeline(Path root, List<Path> generated)
            throws IOException {
        Map<String, List<PrewrittenSources.Source>> byPipeline = new HashMap<>();
        for (Path file : generated) {
            String name = root.relativize(file).toString().replace(".java", "").replace(File.separatorChar, '.');
            String pipeline = GENERATED_SUFFIX.matcher(name).replaceFirst("");
            byPipeline.computeIfAbsent(pipeline, key -> new ArrayList<>())
                    .add(new PrewrittenSources.Source(name, Files.readString(file)));
        }
        return byPipeline;
    }

    /** The inputs of every variant's compile. */
    private record Compiles(Path project, int pipelines, List<Path> sources, List<Path> withGenerated,
            Map<String, List<PrewrittenSources.Source>> generatedByPipeline) {

        /**
         * One javac run into fresh directories; returns its wall time, the wall time in processing
         * rounds and the CPU time of the compiling thread, in nanoseconds.
         */
        long[] compile(Variant variant, String run) throws IOException {
            Path output = project.resolve(variant.name().toLowerCase(Locale.ROOT) + "-" + run);
            Path generated = Files.createDirectories(output.resolve("generated"));
            Path classes = Files.createDirectories(output.resolve("classes"));
            long[] elapsed = run(variant == Variant.WIRINGS ? withGenerated : sources, classes, generated, variant,
                    variant == Variant.FILER ? new PrewrittenSources(generatedByPipeline) : null);
            long wirings = count(classes, "Wiring.class");
            if (wirings != (variant == Variant.PLAIN ? 0 : pipelines)) {
                throw new IllegalStateException(variant + ": " + wirings + " wirings compiled for " + pipelines
                        + " pipelines");
            }
            delete(output);
            return elapsed;
        }
    }

    /** {@code processor} is the instance javac runs in the {@link Variant#FILER} variant, null in the others. */
    private static long[] run(List<Path> sources, Path classes, Path generated, Variant variant,
            Processor processor) throws IOException {
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
                "-classpath", PROJECT_CLASSPATH));
        if (variant == Variant.SLUICE) {
            options.addAll(List.of("-processorpath", PROCESSOR_PATH, "-processor", PROCESSOR));
        } else if (variant != Variant.FILER) {
            options.add("-proc:none");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            RoundTimer rounds = new RoundTimer();
            ((JavacTask) task).addTaskListener(rounds);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            boolean compiled = task.call();
            long elapsed = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - startCpu;
            if (!compiled) {
                throw new IllegalStateException("the benchmark project did not compile: " + diagnostics.getDiagnostics());
            }
            return new long[] {elapsed, rounds.nanos, cpu};
        }
    }

    /**
     * Times javac's annotation processing rounds: each wraps the calls of the processors, with
     * the files they write through the Filer, but not the parsing and entering of those files.
     */
    private static final class RoundTimer implements TaskListener {
        private long started;
        private long nanos;

        @Override
        public void started(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
                started = System.nanoTime();
            }
        }

        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
                nanos += System.nanoTime() - started;
            }
        }
    }

    /** {@code rounds} is the wall time in processing rounds, or null where it does not apply. */
    private static void report(int pipelines, int runs, long[][] nanos, long[] rounds) {
        long[] plain = nanos[Variant.PLAIN.ordinal()];
        long[] sluice = nanos[Variant.SLUICE.ordinal()];
        long[] wirings = nanos[Variant.WIRINGS.ordinal()];
        long[] filer = nanos[Variant.FILER.ordinal()];
        // Per run, so that the load of the moment cancels out.
        double[] overFair = new double[runs];
        double[] overPlain = new double[runs];
        double[] filerOverFair = new double[runs];
        double[] overFiler = new double[runs];
        for (int i = 0; i < runs; i++) {
            overFair[i] = percentOver(sluice[i], wirings[i]);
            overPlain[i] = percentOver(sluice[i], plain[i]);
            filerOverFair[i] = percentOver(filer[i], wirings[i]);
            overFiler[i] = percentOver(sluice[i], filer[i]);
        }
        System.out.printf(Locale.ROOT, "%d pipeline classes, %d runs each, median (min-max):%n", pipelines, runs);
        line("javac -proc:none", plain);
        line("javac + Sluice processor", sluice);
        line("javac, generated as sources", wirings);
        line("javac + Filer only", filer);
        if (rounds != null) {
            line("  of it in processing rounds", rounds);
        }
        share("Sluice processor over javac on the sources plus the generated ones", overFair);
        share("  of it javac's rounds and Filer (any processor writing these files)", filerOverFair);
        share("  of it Sluice's own work, over the Filer-only processor", overFiler);
        share("Sluice processor over javac -proc:none on the pipelines alone", overPlain);
        String roundsJson = rounds == null ? "" : "," + json("rounds", rounds);
        System.out.printf(Locale.ROOT, "{\"pipelines\":%d,\"runs\":%d,%s,%s,%s,%s%s,\"over_fair_percent_median\":%.1f,"
                        + "\"filer_over_fair_percent_median\":%.1f,\"over_filer_percent_median\":%.1f,"
                        + "\"over_plain_percent_median\":%.1f}%n", pipelines, runs, json("plain", plain),
                json("sluice", sluice), json("wirings", wirings), json("filer", filer), roundsJson, median(overFair),
                median(filerOverFair), median(overFiler), median(overPlain));
    }

    private static double percentOver(long value, long base) {
        return 100.0 * (value - base) / base;
    }

    private static void share(String label, double[] percents) {
        System.out.printf(Locale.ROOT, "  %-70s %+4.0f%% (%+.0f%% to %+.0f%%)%n", label, median(percents),
                min(percents), max(percents));
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
        return median(Arrays.stream(nanos).asDoubleStream().toArray()) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
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
