package dev.sluice.runtime.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loggers of the runtime's own classes. Whichever thread asks for the first one initializes
 * slf4j, and a thread that asks while that runs waits for it: without the wait, slf4j hands the
 * second thread a substitute logger, whose lines a backend such as Log4j 2 never prints (slf4j
 * then warns that "logging calls during this phase were not honored"). A context's first batch
 * can end, and log, while the thread that started the context is still initializing slf4j.
 *
 * <pre>{@code
 * private static final Logger LOG = RuntimeLoggers.of(JobScheduler.class);
 * }</pre>
 */
public final class RuntimeLoggers {

    static {
        // Runs once, under the class's initialization lock, which is what makes the others wait.
        LoggerFactory.getILoggerFactory();
    }

    private RuntimeLoggers() {}

    /** The logger named after {@code owner}, once slf4j is initialized. */
    public static Logger of(Class<?> owner) {
        return LoggerFactory.getLogger(owner);
    }
}
