package dev.sluice.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrowStepTest {

    /** Doubles every record, and fails on a negative one: a step that does not mark its failures itself. */
    private final NarrowStep<Integer, Integer> doubling = downstream -> record -> {
        if (record < 0) {
            throw new IllegalArgumentException("negative: " + record);
        }
        downstream.accept(record * 2);
    };

    @Test
    void aMarkedStepPassesItsResultsOnAndMarksOnlyItsOwnFailures() throws Exception {
        NarrowStep<Integer, Integer> marked = doubling.marking(failure -> new IllegalStateException("marked", failure));

        List<Integer> out = new ArrayList<>();
        marked.run(List.of(1, 2), out::add);
        assertThat(out).containsExactly(2, 4);

        assertThatThrownBy(() -> marked.run(List.of(-1), out::add))
                .isInstanceOf(IllegalStateException.class).hasMessage("marked")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        UnsupportedOperationException later = new UnsupportedOperationException("downstream");
        assertThatThrownBy(() -> marked.run(List.of(3), record -> {
            throw later;
        })).isSameAs(later);
    }
}
