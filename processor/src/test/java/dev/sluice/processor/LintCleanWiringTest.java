package dev.sluice.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import org.junit.jupiter.api.Test;

/**
 * The wiring of every stage kind compiles under {@code -Xlint:all -Werror}, so that a user who
 * builds with them gets no warning from generated code (raw types, unchecked calls, and so on).
 * javac's lint options are javac's, so this test uses javac on both test runs.
 */
class LintCleanWiringTest {

    @Test
    void wiringOfEveryStageKindCompilesWithAllLintWarningsAsErrors() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new SluiceProcessor())
                .withOptions("-Xlint:all", "-Werror")
                .compile(Compilations.files(GenerationTest.NETWORK_WORD_COUNT, GenerationTest.FIELD_STAGES,
                        GenerationTest.RECORD_STAGES, OperatorGenerationTest.WINDOWED_STAGES,
                        OperatorGenerationTest.STATE_STAGES, OperatorGenerationTest.JOIN_STAGES,
                        OperatorGenerationTest.BATCH_STAGES, ElementTypesTest.GENERIC_STAGES,
                        ElementTypesTest.PRIMITIVE_STAGES, PipelineLayoutTest.OUTER));

        assertThat(compilation).succeededWithoutWarnings();
    }
}
