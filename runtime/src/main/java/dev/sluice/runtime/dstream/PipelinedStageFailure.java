package dev.sluice.runtime.dstream;

/**
 * A narrow stage's failure while it ran pipelined inside the stage that consumes it: carries
 * its own name out, so that the batch's failure names the stage whose function threw.
 */
final class PipelinedStageFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private final String stage;

    PipelinedStageFailure(String stage, Exception cause) {
        super("stage '" + stage + "' failed", cause, false, false);
        this.stage = stage;
    }

    String stage() {
        return stage;
    }
}
