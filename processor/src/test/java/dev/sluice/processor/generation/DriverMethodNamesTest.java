package dev.sluice.processor.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that names a test driver's typed methods, so that no two clash and each compiles. */
class DriverMethodNamesTest {

    private final DriverMethodNames names = new DriverMethodNames(List.of("WordsTestDriver", "advance", "close"));

    @Test
    void aFreeNameIsTheStreamsOwn() {
        assertThat(names.source("lines")).isEqualTo("lines");
        assertThat(names.sink("print")).isEqualTo("print");
    }

    @Test
    void aNameTheDriverOrObjectHasGetsTheSuffixOfItsRole() {
        assertThat(names.source("advance")).isEqualTo("advanceInput");
        assertThat(names.sink("close")).isEqualTo("closeOutput");
        assertThat(names.sink("getClass")).isEqualTo("getClassOutput");
        assertThat(names.sink("WordsTestDriver")).isEqualTo("WordsTestDriverOutput");
    }

    @Test
    void aSinkNamedLikeASourceGetsTheSuffix() {
        assertThat(names.source("lines")).isEqualTo("lines");
        assertThat(names.sink("lines")).isEqualTo("linesOutput");
    }

    @Test
    void aSuffixedNameTakenTooGetsANumber() {
        assertThat(names.source("advanceInput")).isEqualTo("advanceInput");
        assertThat(names.source("advance")).isEqualTo("advanceInput2");
        assertThat(names.source("advanceInput2")).isEqualTo("advanceInput2Input");
    }

    @Test
    void aNameThatIsNoIdentifierIsMadeOne() {
        assertThat(names.source("word-lists")).isEqualTo("word_lists");
        assertThat(names.source("1st")).isEqualTo("_1st");
        assertThat(names.source("class")).isEqualTo("classInput");
        assertThat(names.sink("_")).isEqualTo("_Output");
        assertThat(names.sink("null")).isEqualTo("nullOutput");
    }
}
