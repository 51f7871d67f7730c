package dev.sluice.processor;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs a processor with a {@link Filer} that records, for every file it creates, the originating
 * elements it names: what Gradle reads to know which generated files to delete when a source
 * changes or goes.
 *
 * <pre>{@code
 * OriginRecorder recorder = new OriginRecorder(new SluiceProcessor());
 * compiler.withProcessors(recorder).compile(...);
 * recorder.origins();   // {"test.FirstWiring" -> ["test.First"], ...}
 * }</pre>
 */
final class OriginRecorder implements Processor {

    private final Processor delegate;
    private final Map<String, List<String>> origins = new LinkedHashMap<>();

    OriginRecorder(Processor delegate) {
        this.delegate = delegate;
    }

    /** Each created file's name (a type's qualified name for sources and classes), with its originating elements. */
    Map<String, List<String>> origins() {
        return origins;
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        delegate.init(new RecordingEnvironment(environment));
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
            ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }

    private void record(CharSequence name, Element... originatingElements) {
        origins.put(name.toString(), Arrays.stream(originatingElements)
                .map(element -> element instanceof TypeElement type ? type.getQualifiedName().toString()
                        : element.toString())
                .toList());
    }

    private final class RecordingEnvironment implements ProcessingEnvironment {
        private final ProcessingEnvironment environment;
        private final Filer filer;

        RecordingEnvironment(ProcessingEnvironment environment) {
            this.environment = environment;
            this.filer = new RecordingFiler(environment.getFiler());
        }

        @Override public Map<String, String> getOptions() { return environment.getOptions(); }
        @Override public Messager getMessager() { return environment.getMessager(); }
        @Override public Filer getFiler() { return filer; }
        @Override public Elements getElementUtils() { return environment.getElementUtils(); }
        @Override public Types getTypeUtils() { return environment.getTypeUtils(); }
        @Override public SourceVersion getSourceVersion() { return environment.getSourceVersion(); }
        @Override public Locale getLocale() { return environment.getLocale(); }
    }

    private final class RecordingFiler implements Filer {
        private final Filer filer;

        RecordingFiler(Filer filer) {
            this.filer = filer;
        }

        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            record(name, originatingElements);
            return filer.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
            record(name, originatingElements);
            return filer.createClassFile(name, originatingElements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName, Element... originatingElements) throws IOException {
            record(moduleAndPackage + "/" + relativeName, originatingElements);
            return filer.createResource(location, moduleAndPackage, relativeName, originatingElements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName) throws IOException {
            return filer.getResource(location, moduleAndPackage, relativeName);
        }
    }
}
