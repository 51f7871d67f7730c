package dev.sluice.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run opened besides the streaming context, closed in reverse order when it ends.
 * Not final only so that launchers may give it a name of their own.
 *
 * <pre>{@code
 * TextServer server = resources.register(TextServer.start());
 * }</pre>
 */
public class RunResources implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Closes {@code resource} when the run ends; returns it. */
    public <T extends AutoCloseable> T register(T resource) {
        opened.push(resource);
        return resource;
    }

    /**
     * Closes everything registered, last first, even if some fail; the first failure is thrown,
     * with the others suppressed. An interrupted close keeps the thread's interrupt flag set.
     */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                IOException io = e instanceof IOException already ? already
                        : new IOException("closing a resource of the run failed: " + e, e);
                if (failure == null) {
                    failure = io;
                } else {
                    failure.addSuppressed(io);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
