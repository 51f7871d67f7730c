package dev.sluice.runtime.source;

/**
 * Where a stream's records come from. {@link Sources} has the built-in ones. A source is
 * inert until the streaming context starts it, so creating one (for example while a pipeline
 * is wired for a test, where the test driver replaces it) opens no connection.
 *
 * <pre>{@code
 * StreamSource<String> lines = Sources.socketText("127.0.0.1", 9999);
 * }</pre>
 */
public interface StreamSource<T> {
    // Contract (start, the records of a batch, stop) defined by the runtime.
}
