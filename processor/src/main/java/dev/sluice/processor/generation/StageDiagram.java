package dev.sluice.processor.generation;

import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import dev.sluice.processor.model.WiringPlan;
import java.util.regex.Pattern;

/**
 * The pipeline's graph of stages as a Mermaid flowchart, so a reader sees its shape in the
 * IDE (the wiring's Javadoc) or at run time ({@code describe()}) without running it.
 *
 * <pre>{@code
 * String chart = StageDiagram.of(plan);
 * // flowchart LR
 * //   lines["lines: source"]
 * //   words["words: flatMap"]
 * //   lines --> words
 * }</pre>
 */
final class StageDiagram {

    // Compiled once: a node id is written for every stage and every edge of every pipeline.
    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^A-Za-z0-9_]");

    private StageDiagram() {}

    static String of(WiringPlan plan) {
        StringBuilder chart = new StringBuilder("flowchart LR\n");
        for (TypedStage stage : plan.stages()) {
            String operator = stage.operator().isSink() ? "sink " + stage.operator().methodName()
                    : stage.operator().methodName();
            chart.append("  ").append(node(stage.stage())).append("[\"").append(stage.stage().name())
                    .append(": ").append(operator).append("\"]\n");
        }
        for (TypedStage stage : plan.stages()) {
            for (StageModel input : stage.inputs()) {
                chart.append("  ").append(node(input)).append(" --> ").append(node(stage.stage())).append('\n');
            }
        }
        return chart.toString();
    }

    // Sinks and streams share one namespace of names, but a node id must be a plain word.
    private static String node(StageModel stage) {
        return (stage.isStream() ? "stream_" : "sink_") + NOT_A_WORD_CHARACTER.matcher(stage.name()).replaceAll("_");
    }
}
