package dev.sluice.benchmarks.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
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
 * from the processor's own (with the extra round it costs javac), and is the fair baseline: that
 * code must be compiled whatever writes it. The variants run interleaved, so that each run gives
 * one time of each taken moments apart and the ratios of a run cancel the drift of a shared
 * machine's load. Prints the median, minimum and maximum of each variant and of the per-run
 * ratios, the time javac spent in processing rounds (the processor's own code, JavaPoet writing
 * the files, javac's Filer), and a JSON line.
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
            long[] rounds = new long[runs];
            long[][] cpu = new long[variants.length][runs];
            for (int i = -warmUps; i < runs; i++) {
                // Rotating the order keeps a slow spell of the shared machine from landing on one variant.
                for (int k = 0; k < variants.length; k++) {
                    Variant variant = variants[Math.floorMod(i + k, variants.length)];
                    long[] elapsed = compile(project, variant == Variant.WIRINGS ? withWirings : sources, variant,
                            pipelines, "run" + i);
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

    /** What the processor generates for {@code sources} (wirings, test drivers), written once into {@code wirings}. */
    private static List<Path> wirings(Path project, List<Path> sources) throws IOException {
        Path generated = Files.createDirectories(project.resolve("wirings"));
        run(sources, Files.createDirectories(project.resolve("wirings-classes")), generated, Variant.SLUICE);
        try (Stream<Path> files = Files.walk(generated)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /**
     * One javac run into fresh directories; returns its wall time, the wall time in processing
     * rounds and the CPU time of the compiling thread, in nanoseconds.
     */
    private static long[] compile(Path project, List<Path> sources, Variant variant, int pipelines, String run)
            throws IOException {
        Path output = project.resolve(variant.name().toLowerCase(Locale.ROOT) + "-" + run);
        Path generated = Files.createDirectories(output.resolve("generated"));
        Path classes = Files.createDirectories(output.resolve("classes"));
        long[] elapsed = run(sources, classes, generated, variant);
        long wirings = count(classes, "Wiring.class");
        if (wirings != (variant == Variant.PLAIN ? 0 : pipelines)) {
            throw new IllegalStateException(variant + ": " + wirings + " wirings compiled for " + pipelines + " pipelines");
        }
        delete(output);
        return elapsed;
    }

    private static long[] run(List<Path> sources, Path classes, Path generated, Variant variant) throws IOException {
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
        // Per run, so that the load of the moment cancels out.
        double[] overFair = new double[runs];
        double[] overPlain = new double[runs];
        for (int i = 0; i < runs; i++) {
            overFair[i] = 100.0 * (sluice[i] - wirings[i]) / wirings[i];
            overPlain[i] = 100.0 * (sluice[i] - plain[i]) / plain[i];
        }
        System.out.printf(Locale.ROOT, "%d pipeline classes, %d runs each, median (min-max):%n", pipelines, runs);
        line("javac -proc:none", plain);
        line("javac + Sluice processor", sluice);
        line("javac, generated as sources", wirings);
        if (rounds != null) {
            line("  of it in processing rounds", rounds);
        }
        System.out.printf(Locale.ROOT, "added over javac on the same sources plus the generated ones: %+.0f%% (%+.0f%% to"
                + " %+.0f%%)%n", median(overFair), min(overFair), max(overFair));
        System.out.printf(Locale.ROOT, "added over javac -proc:none on the pipelines alone:           %+.0f%% (%+.0f%% to"
                + " %+.0f%%)%n", median(overPlain), min(overPlain), max(overPlain));
        String roundsJson = rounds == null ? "" : "," + json("rounds", rounds);
        System.out.printf(Locale.ROOT, "{\"pipelines\":%d,\"runs\":%d,%s,%s,%s%s,\"over_fair_percent_median\":%.1f,"
                        + "\"over_plain_percent_median\":%.1f}%n", pipelines, runs, json("plain", plain),
                json("sluice", sluice), json("wirings", wirings), roundsJson, median(overFair), median(overPlain));
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
