package dev.sluice.runtime;

import dev.sluice.runtime.source.StreamSource;
import java.time.Duration;

/**
 * Owns a pipeline's graph of streams, its clock, its batch interval and its workers.
 *
 * <pre>{@code
 * StreamingContext ssc = NetworkWordCountWiring.wire(new NetworkWordCount(), StreamingConfig.defaults());
 * ssc.start();
 * ssc.awaitTermination();
 * }</pre>
 */
public final class StreamingContext {

    public static StreamingContext create(StreamingConfig config, Duration batchInterval) {
        throw new UnsupportedOperationException();
    }

    public <T> DStream<T> sourceStream(String name, StreamSource<T> source) {
        throw new UnsupportedOperationException();
    }

    public <K, V> PairDStream<K, V> pairSourceStream(String name, StreamSource<Pair<K, V>> source) {
        throw new UnsupportedOperationException();
    }

    public void start() { throw new UnsupportedOperationException(); }

    public void stop() { throw new UnsupportedOperationException(); }

    public void awaitTermination() throws InterruptedException { throw new UnsupportedOperationException(); }
}
