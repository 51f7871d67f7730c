package dev.sluice.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.StageModel;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Types;

/**
 * A Javadoc {@code {@link}} to the member that declares a stage, so that a reader of the
 * wiring navigates to the user's code: {@code {@link NetworkWordCount#words(String)}} or
 * {@code {@link WordCounts#allCounts}}.
 *
 * <pre>{@code
 * CodeBlock link = StageLinks.to(pipelineClass, stage, types);
 * }</pre>
 */
final class StageLinks {

    private StageLinks() {}

    static CodeBlock to(ClassName pipeline, StageModel stage, Types types) {
        if (stage.isField()) {
            return CodeBlock.of("{@link $T#$L}", pipeline, stage.element().getSimpleName());
        }
        ExecutableElement method = stage.method();
        // Javadoc resolves a link by erased parameter types.
        CodeBlock parameters = method.getParameters().stream()
                .map(parameter -> CodeBlock.of("$T", TypeName.get(types.erasure(parameter.asType()))))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("{@link $T#$L($L)}", pipeline, method.getSimpleName(), parameters);
    }
}
