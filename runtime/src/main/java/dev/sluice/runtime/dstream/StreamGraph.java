package dev.sluice.runtime.dstream;

import dev.sluice.runtime.ErrorSink;
import dev.sluice.runtime.FailedRecord;
import dev.sluice.runtime.FailurePolicy;
import dev.sluice.runtime.StageInfo;
import dev.sluice.runtime.StreamInterceptor;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.WorkerPool;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.StreamSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A pipeline's streams and outputs. It is built before the context starts and frozen after;
 * then it generates each batch time's jobs and forgets batches no longer needed.
 *
 * <pre>{@code
 * StreamGraph graph = new StreamGraph(Duration.ofSeconds(1), StreamInterceptor.NONE, () -> null);
 * SourceNode<String> lines = graph.addSource("lines", source);
 * graph.addOutput("print", lines, Sinks.print());
 * }</pre>
 */
public final class StreamGraph {

    private final Duration batchInterval;
    private final StreamInterceptor interceptor;
    /** Why the graph may not change now, or null while it may. */
    private final Supplier<String> frozenReason;
    private final List<StreamNode<?>> nodes = new ArrayList<>();
    private final Map<String, StreamNode<?>> streamsByName = new LinkedHashMap<>();
    private final Map<String, SourceNode<?>> sources = new LinkedHashMap<>();
    private final Map<String, OutputNode<?>> outputs = new LinkedHashMap<>();
    private volatile Time zeroTime = new Time(0);
    private volatile WorkerPool workers;
    /** What the batch whose jobs run now measures; batches run one at a time. */
    private volatile BatchMeasurements measuring;
    private volatile FailurePolicy failurePolicy = FailurePolicy.failBatch();
    private final Object errorSinkLock = new Object();

    public StreamGraph(Duration batchInterval, StreamInterceptor interceptor, Supplier<String> frozenReason) {
        this.batchInterval = batchInterval;
        this.interceptor = interceptor;
        this.frozenReason = frozenReason;
    }

    public Duration batchInterval() {
        return batchInterval;
    }

    /** One batch interval before the first batch: windows and slides count from here. */
    public Time zeroTime() {
        return zeroTime;
    }

    /** The workers of the running context. */
    public WorkerPool workers() {
        WorkerPool pool = workers;
        if (pool == null) {
            throw new IllegalStateException("the streaming context has not started");
        }
        return pool;
    }

    synchronized int register(StreamNode<?> node) {
        requireModifiable("add the " + node.operator() + " stream");
        nodes.add(node);
        return nodes.size();
    }

    public synchronized <T> SourceNode<T> addSource(String name, StreamSource<T> source) {
        requireName("a source stream", name);
        requireNonNull(source, "the source of stream '" + name + "'");
        requireModifiable("add the source stream '" + name + "'");
        requireFreeStreamName(name, null);
        SourceNode<T> node = new SourceNode<>(this, name, interceptor.source(name, source));
        streamsByName.put(name, node);
        sources.put(name, node);
        return node;
    }

    public synchronized <T> OutputNode<T> addOutput(String name, StreamNode<T> stream, StreamSink<T> sink) {
        requireName("an output", name);
        requireNonNull(sink, "the sink of output '" + name + "'");
        requireModifiable("add the output '" + name + "'");
        if (outputs.containsKey(name)) {
            throw new IllegalArgumentException("an output named '" + name + "' already exists; outputs are "
                    + outputs.keySet() + ": give each output its own name");
        }
        OutputNode<T> output = new OutputNode<>(this, name, stream, interceptor.sink(name, sink));
        outputs.put(name, output);
        return output;
    }

    /** {@code base} if no output has that name yet, else {@code base-2}, {@code base-3}, ... */
    public synchronized String freeOutputName(String base) {
        String name = base;
        for (int i = 2; outputs.containsKey(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** Gives {@code node} the name {@code name}, unique among the streams of this graph. */
    public synchronized void name(StreamNode<?> node, String name) {
        requireName("a stream", name);
        if (name.equals(node.name()) && node.isNamed()) {
            return;
        }
        requireModifiable("name the stream '" + name + "'");
        if (node instanceof SourceNode) {
            throw new IllegalArgumentException("the source stream '" + node.name()
                    + "' is named by sourceStream(...); it cannot be renamed to '" + name + "'");
        }
        requireFreeStreamName(name, node);
        if (node.isNamed()) {
            streamsByName.remove(node.name());
        }
        node.setName(name);
        streamsByName.put(name, node);
    }

    /** The sources, in the order they were added. */
    public synchronized List<SourceNode<?>> sources() {
        return List.copyOf(sources.values());
    }

    /** The outputs, in the order they were added. */
    public synchronized List<OutputNode<?>> outputs() {
        return List.copyOf(outputs.values());
    }

    /** The names of the sources, in the order they were added. */
    public synchronized List<String> sourceNames() {
        return List.copyOf(sources.keySet());
    }

    /** The names of the outputs, in the order they were added. */
    public synchronized List<String> outputNames() {
        return List.copyOf(outputs.keySet());
    }

    /** Checks that the graph can run: it has at least one output. */
    public synchronized void validate() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("the pipeline has no output operation, so nothing would run: add one"
                    + " with foreachRDD(name, sink) or print() before start()");
        }
    }

    /**
     * Prepares the graph to run on {@code workers} with batches after {@code zeroTime}: batches
     * are remembered as long as the windows downstream need them.
     */
    public synchronized void prepare(Time zeroTime, WorkerPool workers) {
        validate();
        this.zeroTime = zeroTime;
        this.workers = workers;
        for (StreamNode<?> node : nodes) {
            node.remember(node.slideDuration());
        }
        pipelineNarrowStages();
    }

    /**
     * Pipelines each narrow stage into the stage that reads it, when that is its only reader,
     * runs narrow steps itself, and no window keeps the stage's batches; never under a failure
     * policy with an error sink, which reruns a failed stage's own batch record by record.
     */
    private void pipelineNarrowStages() {
        boolean skipsFailedRecords = failurePolicy.errorSink().isPresent();
        Map<StreamNode<?>, List<StreamNode<?>>> readers = new java.util.IdentityHashMap<>();
        for (StreamNode<?> node : nodes) {
            for (StreamNode<?> parent : node.parents()) {
                List<StreamNode<?>> its = readers.get(parent);
                if (its == null) {
                    its = new ArrayList<>();
                    readers.put(parent, its);
                }
                its.add(node);
            }
        }
        for (StreamNode<?> node : nodes) {
            if (node.canBePipelined()) {
                List<StreamNode<?>> its = readers.getOrDefault(node, List.of());
                node.setPipelined(!skipsFailedRecords && its.size() == 1 && its.get(0).consumesPipelined()
                        && node.rememberDuration().equals(node.slideDuration()));
            }
        }
    }

    /** The jobs of {@code time}, one per output whose stream has a batch then, in output order. */
    public List<OutputJob> generateJobs(Time time) {
        List<OutputJob> jobs = new ArrayList<>();
        for (OutputNode<?> output : outputs()) {
            Optional<OutputJob> job = output.jobAt(time);
            if (job.isPresent()) {
                jobs.add(job.get());
            }
        }
        return jobs;
    }

    /** Forgets every batch that no stream needs once the batch at {@code time} is done. */
    public void forgetBefore(Time time) {
        for (StreamNode<?> node : nodesSnapshot()) {
            node.forgetBefore(time);
        }
    }

    /** The number of batches all streams remember now; follows the data in flight. */
    public int rememberedBatches() {
        int total = 0;
        for (StreamNode<?> node : nodesSnapshot()) {
            total += node.rememberedBatches();
        }
        return total;
    }

    /** Sets what happens to records a record-by-record function throws on; set before the start. */
    public void useFailurePolicy(FailurePolicy policy) {
        this.failurePolicy = Objects.requireNonNull(policy, "policy");
    }

    FailurePolicy failurePolicy() {
        return failurePolicy;
    }

    /**
     * Gives a record a stage's function threw on to the error sink and counts it; the calls are
     * serialized, since tasks of a batch run in parallel.
     */
    void skipFailedRecord(ErrorSink errorSink, FailedRecord failed) throws Exception {
        synchronized (errorSinkLock) {
            errorSink.accept(failed);
        }
        BatchMeasurements measured = measuring;
        if (measured != null) {
            measured.addRecordFailed(failed.stage());
        }
    }

    /** Starts measuring the stages of the batch whose jobs are about to run. */
    public void beginBatch() {
        measuring = new BatchMeasurements();
    }

    /** Ends measuring the batch begun last and returns what it measured. */
    public BatchMeasurements endBatch() {
        BatchMeasurements measured = measuring;
        measuring = null;
        return measured != null ? measured : new BatchMeasurements();
    }

    void recordStageTime(String stage, long nanos) {
        BatchMeasurements measured = measuring;
        if (measured != null) {
            measured.addStageTime(stage, nanos);
        }
    }

    void recordRecordsOut(String output, long records) {
        BatchMeasurements measured = measuring;
        if (measured != null) {
            measured.addRecordsOut(output, records);
        }
    }

    /**
     * The stages as users know them, in the order they were added: the inner steps of a
     * composite operator (a windowed reduce) are one stage under its name.
     */
    public List<StageInfo> stages() {
        Map<String, StreamNode<?>> representatives = new LinkedHashMap<>();
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        for (StreamNode<?> node : nodesSnapshot()) {
            String name = node.name();
            if (!node.isInnerStep()) {
                representatives.put(name, node);
            }
            Set<String> from = inputs.computeIfAbsent(name, key -> new LinkedHashSet<>());
            for (StreamNode<?> parent : node.parents()) {
                if (!parent.name().equals(name)) {
                    from.add(parent.name());
                }
            }
        }
        List<StageInfo> stages = new ArrayList<>();
        inputs.forEach((name, from) -> {
            StreamNode<?> node = representatives.get(name);
            stages.add(new StageInfo(name, kindOf(node), operatorOf(node), List.copyOf(from)));
        });
        return stages;
    }

    private static StageInfo.Kind kindOf(StreamNode<?> node) {
        if (node instanceof SourceNode) {
            return StageInfo.Kind.SOURCE;
        }
        return node instanceof OutputNode ? StageInfo.Kind.OUTPUT : StageInfo.Kind.STREAM;
    }

    private static String operatorOf(StreamNode<?> node) {
        return node instanceof OutputNode ? "foreachRDD" : node.operator();
    }

    synchronized List<StreamNode<?>> nodesSnapshot() {
        return List.copyOf(nodes);
    }

    private void requireModifiable(String what) {
        String reason = frozenReason.get();
        if (reason != null) {
            throw new IllegalStateException("cannot " + what + ": " + reason);
        }
    }

    private void requireFreeStreamName(String name, StreamNode<?> renamed) {
        StreamNode<?> existing = streamsByName.get(name);
        if (existing != null && existing != renamed) {
            throw new IllegalArgumentException("a stream named '" + name + "' already exists; stream names are "
                    + streamsByName.keySet() + ": give each stream its own name");
        }
    }

    /** Objects.requireNonNull without a message supplier, whose lambda would cost every JVM's first wiring. */
    private static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
    }

    private static void requireName(String what, String name) {
        if (name == null) {
            throw new NullPointerException("the name of " + what + " must not be null");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("the name of " + what + " must not be blank");
        }
    }
}
