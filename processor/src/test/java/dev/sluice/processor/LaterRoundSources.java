package dev.sluice.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Another annotation processor, as a build may run beside Sluice's: triggered by
 * {@link GenerateLater} (see {@link #TRIGGER}), it writes one source in a given round (1 is the
 * first), so that until then a pipeline meets that type as unresolved. In the rounds before, it
 * writes an empty class {@code test.RoundN}, as a chain of generators does, so that the compiler
 * runs those rounds at all.
 *
 * <pre>{@code
 * compileAlongside(List.of(new LaterRoundSources(3, "test.Word", "package test; public record Word() {}")),
 *         LaterRoundSources.TRIGGER, pipeline);
 * }</pre>
 */
final class LaterRoundSources extends AbstractProcessor {

    /** A class that carries the trigger annotation, to compile with the pipelines. */
    static final PipelineSource TRIGGER = PipelineSource.of("Trigger",
            "@dev.sluice.processor.GenerateLater\nfinal class Trigger {}\n");

    private final int round;
    private final String qualifiedName;
    private final String text;
    private int current;

    LaterRoundSources(int round, String qualifiedName, String text) {
        this.round = round;
        this.qualifiedName = qualifiedName;
        this.text = text;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(GenerateLater.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment environment) {
        current++;
        if (current < round) {
            write("test.Round" + current, "package test;\n\nfinal class Round" + current + " {}\n");
        } else if (current == round) {
            write(qualifiedName, text);
        }
        return false;
    }

    private void write(String name, String source) {
        try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
            writer.write(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
