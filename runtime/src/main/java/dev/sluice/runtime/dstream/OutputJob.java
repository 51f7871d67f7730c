package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Time;

/**
 * The work of one output operation for one batch time: compute the stream's batch and give it
 * to the sink.
 *
 * <pre>{@code
 * for (OutputJob job : graph.generateJobs(time)) { job.run(); }
 * }</pre>
 */
public final class OutputJob {

    private final OutputNode<?> output;
    private final Time time;

    OutputJob(OutputNode<?> output, Time time) {
        this.output = output;
        this.time = time;
    }

    public String outputName() {
        return output.outputName();
    }

    public Time time() {
        return time;
    }

    /** Runs the job; a failure is a {@link dev.sluice.runtime.BatchFailedException} naming the stage. */
    public void run() throws InterruptedException {
        output.write(time);
    }

    @Override
    public String toString() {
        return "job of output '" + outputName() + "' at " + time;
    }
}
