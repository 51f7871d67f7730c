package dev.sluice.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeachBatchSinkTest {

    private record Call(Time time, List<String> records) {}

    @Test
    void receivesEachBatchsTimeAndAllItsRecordsEmptyBatchesIncluded() throws Exception {
        List<Call> calls = new ArrayList<>();
        StreamSink<String> sink = Sinks.foreachBatch((time, records) -> calls.add(new Call(time, records)));

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a", "b"), List.of("c"))));
        sink.write(Batch.empty(Time.ofMillis(2000)));
        sink.write(Batch.of(Time.ofMillis(3000), List.of(List.of(), List.of("d"))));

        assertThat(calls).containsExactly(
                new Call(Time.ofMillis(1000), List.of("a", "b", "c")),
                new Call(Time.ofMillis(2000), List.of()),
                new Call(Time.ofMillis(3000), List.of("d")));
    }

    @Test
    void letsTheActionsExceptionReachTheCaller() {
        StreamSink<String> sink = Sinks.foreachBatch((time, records) -> {
            throw new IOException("database down");
        });

        assertThatThrownBy(() -> sink.write(Batch.empty(Time.ofMillis(1000))))
                .isInstanceOf(IOException.class)
                .hasMessage("database down");
    }
}
