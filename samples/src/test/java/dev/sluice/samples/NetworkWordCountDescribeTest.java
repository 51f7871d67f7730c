package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The graph of stages the build emits, as a user reads it without running the pipeline. */
class NetworkWordCountDescribeTest {

    @Test
    void describesTheStagesAndTheirEdgesAsAMermaidFlowchart() {
        assertThat(NetworkWordCountWiring.describe()).isEqualTo("""
                flowchart LR
                  stream_lines["lines: sourceStream"]
                  stream_words["words: flatMap"]
                  stream_pairs["pairs: mapToPair"]
                  stream_wordCounts["wordCounts: reduceByKey"]
                  sink_print["print: sink foreachRDD"]
                  stream_lines --> stream_words
                  stream_words --> stream_pairs
                  stream_pairs --> stream_wordCounts
                  stream_wordCounts --> sink_print
                """);
    }
}
