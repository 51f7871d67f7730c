package dev.sluice.runtime.testing;

import dev.sluice.runtime.StreamInterceptor;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.StreamSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces every source with one the test feeds (the pipeline's own is never started) and
 * records every sink's batches before they reach the pipeline's own sink.
 */
final class DriverInterceptor implements StreamInterceptor {

    private final Map<String, TestInput<?>> inputs = new LinkedHashMap<>();
    private final Map<String, TestOutput<?>> outputs = new LinkedHashMap<>();

    @Override
    public synchronized <T> StreamSource<T> source(String streamName, StreamSource<T> source) {
        TestInput<T> input = new TestInput<>(streamName);
        inputs.put(streamName, input);
        return new DriverSource<>(input);
    }

    @Override
    public synchronized <T> StreamSink<T> sink(String outputName, StreamSink<T> sink) {
        TestOutput<T> output = new TestOutput<>(outputName);
        outputs.put(outputName, output);
        return new RecordingSink<>(output, sink);
    }

    synchronized Map<String, TestInput<?>> inputs() {
        return Map.copyOf(inputs);
    }

    synchronized Map<String, TestOutput<?>> outputs() {
        return Map.copyOf(outputs);
    }

    synchronized String inputNames() {
        return inputs.keySet().toString();
    }

    synchronized String outputNames() {
        return outputs.keySet().toString();
    }
}
