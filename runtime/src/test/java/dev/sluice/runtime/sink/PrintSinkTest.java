package dev.sluice.runtime.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrintSinkTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, UTF_8);

    @Test
    void printsPairsUnderSparksHeader() throws Exception {
        StreamSink<Pair<String, Integer>> sink = Sinks.print(10, out);

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of(Pair.of("a", 5)), List.of(Pair.of("b", 2)))));

        assertThat(printed()).isEqualTo(lines("""
                -------------------------------------------
                Time: 1000 ms
                -------------------------------------------
                (a,5)
                (b,2)

                """));
    }

    @Test
    void showsTenRecordsThenAnEllipsisWhenTheBatchHoldsMore() throws Exception {
        StreamSink<Integer> sink = Sinks.print(Sinks.DEFAULT_PRINT_RECORDS, out);

        sink.write(Batch.of(Time.ofMillis(2000), List.of(IntStream.rangeClosed(1, 12).boxed().toList())));

        assertThat(printed()).isEqualTo(lines("""
                -------------------------------------------
                Time: 2000 ms
                -------------------------------------------
                1
                2
                3
                4
                5
                6
                7
                8
                9
                10
                ...

                """));
    }

    @Test
    void exactlyTenRecordsHaveNoEllipsis() throws Exception {
        StreamSink<Integer> sink = Sinks.print(10, out);

        sink.write(Batch.of(Time.ofMillis(2000), List.of(IntStream.rangeClosed(1, 10).boxed().toList())));

        assertThat(printed()).doesNotContain("...").endsWith(lines("10\n\n"));
    }

    @Test
    void printsTheHeaderForAnEmptyBatch() throws Exception {
        StreamSink<String> sink = Sinks.print(10, out);

        sink.write(Batch.empty(Time.ofMillis(3000)));

        assertThat(printed()).isEqualTo(lines("""
                -------------------------------------------
                Time: 3000 ms
                -------------------------------------------

                """));
    }

    @Test
    void printThreeShowsThreeRecordsAcrossPartitions() throws Exception {
        StreamSink<String> sink = Sinks.print(3, out);

        sink.write(Batch.of(Time.ofMillis(4000), List.of(List.of("x", "y"), List.of("z", "w"))));

        assertThat(printed()).isEqualTo(lines("""
                -------------------------------------------
                Time: 4000 ms
                -------------------------------------------
                x
                y
                z
                ...

                """));
    }

    @Test
    void printsEveryBatchInTurn() throws Exception {
        StreamSink<String> sink = Sinks.print(10, out);

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("first"))));
        sink.write(Batch.empty(Time.ofMillis(2000)));

        assertThat(printed()).isEqualTo(lines("""
                -------------------------------------------
                Time: 1000 ms
                -------------------------------------------
                first

                -------------------------------------------
                Time: 2000 ms
                -------------------------------------------

                """));
    }

    @Test
    void rejectsANonPositiveCount() {
        assertThatThrownBy(() -> Sinks.print(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("print(num): num must be at least 1, but was 0");
    }

    private String printed() {
        return bytes.toString(UTF_8);
    }

    /** The expected text with the platform's line separator, which {@code println} writes. */
    private static String lines(String text) {
        return text.replace("\n", System.lineSeparator());
    }
}
