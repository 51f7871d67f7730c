package dev.sluice.cli;

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

    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
