package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import java.time.Duration;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

/** The README's example of the generic driver, for a pipeline written with the fluent API. */
class FluentPipelineTest {

    @Test
    void theGenericDriverNamesInputsAndOutputs() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> {
                StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
                ssc.sourceStream("lines", Sources.<String>queue(new ArrayDeque<>()))
                        .map(String::length)
                        .foreachRDD("lengths", batch -> {});
                return ssc;
            })) {
            driver.<String>input("lines").add("a", "bb");
            Time time = driver.advance();
            assertThat(driver.<Integer>output("lengths").batch(time)).containsExactly(1, 2);
        }
    }
}
