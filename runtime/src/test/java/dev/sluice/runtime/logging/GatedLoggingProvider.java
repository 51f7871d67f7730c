package dev.sluice.runtime.logging;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An slf4j backend, for {@link FirstBatchLogPipeline}, that is slow to initialize in a way a
 * test controls: its initialization waits until the pipeline's first batch is reported (at most
 * {@value #MAX_WAIT_SECONDS} s), so that a batch ends while slf4j is still being initialized.
 * Every line it logs goes to standard output as {@code LOG <logger> <message>}.
 */
public final class GatedLoggingProvider implements SLF4JServiceProvider {

    static final String LINE = "LOG ";
    static final long MAX_WAIT_SECONDS = 2;
    static final CountDownLatch FIRST_BATCH_REPORTED = new CountDownLatch(1);

    private final ILoggerFactory loggers = PrintingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public void initialize() {
        try {
            FIRST_BATCH_REPORTED.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    /** Prints every level's lines. */
    private static final class PrintingLogger extends LegacyAbstractLogger {
        private static final PrintStream OUT = System.out;

        PrintingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                Object[] arguments, Throwable throwable) {
            synchronized (OUT) {
                OUT.println(LINE + name + " " + MessageFormatter.basicArrayFormat(messagePattern, arguments));
                OUT.flush();
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
