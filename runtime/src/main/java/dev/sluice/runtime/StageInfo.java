package dev.sluice.runtime;

import java.util.List;

/**
 * One stage of a pipeline's graph as the running context built it: a source, a stream
 * computed from others, or an output, with the names of the stages it reads.
 *
 * <pre>{@code
 * for (StageInfo stage : ssc.stages()) {
 *     System.out.println(stage.inputs() + " -> " + stage.operator() + " -> " + stage.name());
 * }
 * }</pre>
 *
 * @param name the stage's name: the stream's, or the output's
 * @param kind whether it is a source, a stream or an output
 * @param operator the DStream operator that computes it, such as {@code flatMap} or {@code reduceByKey}
 * @param inputs the names of the stages it reads, in order; none for a source
 */
public record StageInfo(String name, Kind kind, String operator, List<String> inputs) {

    /** What a stage is in the graph. */
    public enum Kind { SOURCE, STREAM, OUTPUT }

    public StageInfo {
        inputs = List.copyOf(inputs);
    }
}
