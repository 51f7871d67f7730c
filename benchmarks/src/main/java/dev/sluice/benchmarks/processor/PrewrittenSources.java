package dev.sluice.benchmarks.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A processor that does nothing but what javac makes any generating processor pay: for each
 * {@code @Pipeline} class it writes, through the Filer, the sources the Sluice processor wrote for
 * it beforehand, with the same originating element, and it claims the same annotations, so that
 * javac runs the same rounds over the same files. What Sluice adds beyond this is its own work:
 * reading, validating, and rendering the code.
 *
 * <pre>{@code
 * task.setProcessors(List.of(new PrewrittenSources(generatedByPipeline)));
 * }</pre>
 */
final class PrewrittenSources extends AbstractProcessor {

    /** A generated class: its qualified name and its source. */
    record Source(String name, String text) {}

    private final Map<String, List<Source>> generatedByPipeline;

    /** {@code generatedByPipeline}: qualified name of a pipeline class to the sources written for it. */
    PrewrittenSources(Map<String, List<Source>> generatedByPipeline) {
        this.generatedByPipeline = generatedByPipeline;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.sluice.annotations.*", "javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                for (Source source : generatedByPipeline.getOrDefault(type.getQualifiedName().toString(), List.of())) {
                    write(source, type);
                }
            }
        }
        return true;
    }

    private void write(Source source, TypeElement pipeline) {
        try (Writer writer = processingEnv.getFiler().createSourceFile(source.name(), pipeline).openWriter()) {
            writer.write(source.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
