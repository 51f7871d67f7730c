package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;

import dev.sluice.processor.diagnostics.Descriptions;
import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.Suggestions;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.InputRef;
import dev.sluice.processor.model.PipelineModel;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.StageModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline as a graph of named streams: resolves every input name, and reports duplicate
 * names, unknown inputs, cycles and a missing sink. Its {@link #order()} lists the stages with
 * every input before its readers, ties in source order, leaving out any stage that depends on a
 * cycle or an unknown name.
 *
 * <pre>{@code
 * StreamGraph graph = StreamGraph.build(model, report);
 * for (StageModel stage : graph.order()) { ... graph.inputsOf(stage) ... }
 * }</pre>
 */
final class StreamGraph {

    private final Map<String, StageModel> streams = new LinkedHashMap<>();
    private final Map<StageModel, List<StageModel>> inputs = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final List<StageModel> order = new ArrayList<>();

    private StreamGraph() {}

    static StreamGraph build(PipelineModel model, ValidationReport report) {
        StreamGraph graph = new StreamGraph();
        graph.declareNames(model.stages(), report);
        graph.resolveInputs(model.stages(), report);
        if (model.stages().stream().noneMatch(stage -> stage.kind() == StageKind.SINK)) {
            report.add(Diagnostic.NO_SINK, Location.of(model.type()).at(model.mirror()),
                    model.type().getSimpleName());
        }
        graph.reportCycles(model.stages(), report);
        graph.sortTopologically(model.stages());
        return graph;
    }

    /** Stages whose inputs all resolve, outside any cycle, inputs first. */
    List<StageModel> order() {
        return List.copyOf(order);
    }

    /** The resolved inputs of {@code stage}, in the order it names them. */
    List<StageModel> inputsOf(StageModel stage) {
        return inputs.getOrDefault(stage, List.of());
    }

    /** Whether any stage or sink reads the stream {@code name}. */
    boolean isRead(String name) {
        return read.contains(name);
    }

    private void declareNames(List<StageModel> stages, ValidationReport report) {
        Map<String, StageModel> sinks = new LinkedHashMap<>();
        for (StageModel stage : stages) {
            Map<String, StageModel> names = stage.isStream() ? streams : sinks;
            StageModel first = names.putIfAbsent(stage.name(), stage);
            if (first != null) {
                report.add(Diagnostic.DUPLICATE_NAME,
                        Location.of(stage.element()).at(stage.mirror(), stage.nameValue()),
                        element(stage.element()), stage.isStream() ? "stream" : "sink", stage.name(),
                        element(first.element()));
            }
        }
    }

    private void resolveInputs(List<StageModel> stages, ValidationReport report) {
        for (StageModel stage : stages) {
            List<StageModel> resolved = new ArrayList<>();
            for (InputRef input : stage.inputs()) {
                StageModel producer = streams.get(input.name());
                read.add(input.name());
                if (producer == null) {
                    report.add(Diagnostic.UNKNOWN_INPUT,
                            Location.of(stage.element()).at(stage.mirror(), input.value()),
                            element(stage.element()), input.name(), unknownInputFix(input.name()));
                } else {
                    resolved.add(producer);
                }
            }
            if (resolved.size() == stage.inputs().size()) {
                inputs.put(stage, resolved);
            }
        }
    }

    private String unknownInputFix(String name) {
        Optional<String> suggestion = Suggestions.closest(name, streams.keySet());
        if (suggestion.isPresent()) {
            return "Did you mean '" + suggestion.get() + "'?";
        }
        if (streams.isEmpty()) {
            return "Declare a @Source first";
        }
        return "The streams are " + Descriptions.quoted(List.copyOf(streams.keySet()));
    }

    // Depth-first search from each stage in source order; each cycle is reported once, on the
    // member declared first, pointing at its input that continues the cycle.
    private void reportCycles(List<StageModel> stages, ValidationReport report) {
        Set<StageModel> done = new HashSet<>();
        Set<StageModel> reported = new HashSet<>();
        for (StageModel stage : stages) {
            findCycles(stage, new ArrayList<>(), done, reported, stages, report);
        }
    }

    private void findCycles(StageModel stage, List<StageModel> path, Set<StageModel> done,
            Set<StageModel> reported, List<StageModel> sourceOrder, ValidationReport report) {
        if (done.contains(stage)) {
            return;
        }
        int start = path.indexOf(stage);
        if (start >= 0) {
            List<StageModel> cycle = path.subList(start, path.size());
            if (cycle.stream().noneMatch(reported::contains)) {
                reported.addAll(cycle);
                reportCycle(new ArrayList<>(cycle), sourceOrder, report);
            }
            return;
        }
        path.add(stage);
        for (StageModel input : inputsOf(stage)) {
            findCycles(input, path, done, reported, sourceOrder, report);
        }
        path.remove(path.size() - 1);
        done.add(stage);
    }

    // The cycle is found reader to input; it is shown in the direction records flow, starting
    // from the member declared first.
    private void reportCycle(List<StageModel> readerToInput, List<StageModel> sourceOrder,
            ValidationReport report) {
        List<StageModel> flow = new ArrayList<>(readerToInput);
        java.util.Collections.reverse(flow);
        StageModel first = flow.stream()
                .min(java.util.Comparator.comparingInt(sourceOrder::indexOf))
                .orElseThrow();
        int offset = flow.indexOf(first);
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= flow.size(); i++) {
            names.add("'" + flow.get((offset + i) % flow.size()).name() + "'");
        }
        StageModel previous = flow.get((offset + flow.size() - 1) % flow.size());
        InputRef input = first.inputs().stream()
                .filter(ref -> ref.name().equals(previous.name()))
                .findFirst()
                .orElseThrow();
        report.add(Diagnostic.CYCLE, Location.of(first.element()).at(first.mirror(), input.value()),
                "the streams " + String.join(" -> ", names));
    }

    private void sortTopologically(List<StageModel> stages) {
        Set<StageModel> placed = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (StageModel stage : stages) {
                if (!placed.contains(stage) && inputs.containsKey(stage)
                        && placed.containsAll(inputs.get(stage))) {
                    placed.add(stage);
                    order.add(stage);
                    progress = true;
                    break;
                }
            }
        }
    }
}
