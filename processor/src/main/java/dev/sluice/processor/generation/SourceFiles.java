package dev.sluice.processor.generation;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes a generated class through the {@link Filer} in one piece. JavaPoet's own
 * {@code writeTo(Filer)} hands every token to the writer the Filer opens, which javac does not
 * buffer; rendering the class to a string first makes that one write per file.
 *
 * <pre>{@code
 * SourceFiles.write(new WiringWriter(elements, types).write(plan), filer);
 * }</pre>
 */
public final class SourceFiles {

    private SourceFiles() {}

    /** Creates the source file of {@code file}'s class, with its originating elements, and writes it. */
    public static void write(JavaFile file, Filer filer) throws IOException {
        String source = file.toString();
        String simpleName = file.typeSpec().name();
        String name = file.packageName().isEmpty() ? simpleName : file.packageName() + "." + simpleName;
        JavaFileObject created = filer.createSourceFile(name,
                file.typeSpec().originatingElements().toArray(Element[]::new));
        try (Writer writer = created.openWriter()) {
            writer.write(source);
        } catch (IOException e) {
            // A half-written class would fail to compile with a message far from the cause.
            created.delete();
            throw e;
        }
    }
}
