package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/** Runs {@link KafkaWordCount} against the broker of {@code --brokers HOST:PORT}. */
final class KafkaWordCountSample implements Sample {

    static final String DEFAULT_GROUP = "kafka-word-count";

    @Override
    public String usage() {
        return "--brokers HOST:PORT[,HOST:PORT] --input-topic TOPIC --output-topic TOPIC [--group ID] [--batch-interval 1s]"
                + " [--batches N]\n"
                + "  Counts the words of the records of TOPIC batch by batch and sends each batch's counts to the\n"
                + "  output topic (key: the word, value: its count). Offsets are committed for the group (by default\n"
                + "  " + DEFAULT_GROUP + ") after each batch's counts are written; a restart goes on from there.";
    }

    @Override
    public Set<String> options() {
        return Set.of("brokers", "input-topic", "output-topic", "group", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources) {
        String brokers = arguments.required("brokers", "HOST:PORT");
        for (String broker : brokers.split(",", -1)) {
            if (!broker.strip().matches("[^:\\s]+:\\d{1,5}")) {
                throw new IllegalArgumentException("--brokers: '" + broker + "' is not HOST:PORT (several: HOST:PORT,HOST:PORT)");
            }
        }
        String input = arguments.required("input-topic", "TOPIC");
        String output = arguments.required("output-topic", "TOPIC");
        String group = arguments.string("group").orElse(DEFAULT_GROUP);
        return KafkaWordCountWiring.wire(
                new KafkaWordCount(brokers, input, output, group), config);
    }
}
