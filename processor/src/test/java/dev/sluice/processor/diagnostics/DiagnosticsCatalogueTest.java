package dev.sluice.processor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps docs/diagnostics.md in step with {@link Diagnostic}: one section per ID under the heading
 * of its kind, and every documented message a message its template can print.
 */
class DiagnosticsCatalogueTest {

    private static final Path CATALOGUE = Path.of("").toAbsolutePath().getParent().resolve("docs/diagnostics.md");
    private static final Pattern MESSAGE = Pattern.compile("```text\n(.*?)\n```", Pattern.DOTALL);
    private static final Pattern FORMAT = Pattern.compile("%[sd]");

    /** Each section's text by its ID, and the kind whose heading it is under. */
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    @BeforeAll
    static void readCatalogue() throws IOException {
        Kind kind = null;
        String id = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(CATALOGUE)) {
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (id != null) {
                    SECTIONS.put(id, text.toString());
                }
                id = null;
                text.setLength(0);
            }
            if (line.equals("## Errors")) {
                kind = Kind.ERROR;
            } else if (line.equals("## Warnings")) {
                kind = Kind.WARNING;
            } else if (line.startsWith("### ")) {
                id = line.substring(4).trim();
                assertThat(SECTIONS).as("sections of %s", CATALOGUE).doesNotContainKey(id);
                KINDS.put(id, kind);
            } else if (id != null) {
                text.append(line).append('\n');
            }
        }
        if (id != null) {
            SECTIONS.put(id, text.toString());
        }
    }

    @Test
    void noSectionNamesAnIdThatDoesNotExist() {
        List<String> ids = Stream.of(Diagnostic.values()).map(Diagnostic::id).toList();
        assertThat(ids).containsAll(SECTIONS.keySet());
    }

    @ParameterizedTest
    @EnumSource(Diagnostic.class)
    void everyDiagnosticHasASectionUnderItsKind(Diagnostic diagnostic) {
        assertThat(SECTIONS).as("sections of %s", CATALOGUE).containsKey(diagnostic.id());
        assertThat(KINDS.get(diagnostic.id())).as("heading above %s", diagnostic.id()).isEqualTo(diagnostic.kind());
        assertThat(SECTIONS.get(diagnostic.id())).as("section %s", diagnostic.id()).contains("Fix: ");
        if (diagnostic.suppressionKey() != null) {
            assertThat(SECTIONS.get(diagnostic.id()))
                    .contains("@SuppressWarnings(\"" + diagnostic.suppressionKey() + "\")");
        }
    }

    @ParameterizedTest
    @EnumSource(Diagnostic.class)
    void everyDocumentedMessageIsOneItsTemplatePrints(Diagnostic diagnostic) {
        List<String> messages = messagesOf(SECTIONS.getOrDefault(diagnostic.id(), ""));
        assertThat(messages).as("messages of section %s", diagnostic.id()).isNotEmpty();
        Pattern template = Pattern.compile(Pattern.quote("[Sluice/" + diagnostic.id() + "] ")
                + Arrays.stream(FORMAT.split(diagnostic.template(), -1)).map(Pattern::quote)
                        .reduce((left, right) -> left + ".+?" + right).orElseThrow(),
                Pattern.DOTALL);
        for (String message : messages) {
            assertThat(message).startsWith("[Sluice/" + diagnostic.id() + "] ");
            assertThat(template.matcher(message).matches()).as("'%s' is printed by the template of %s", message, diagnostic.id()).isTrue();
        }
    }

    private static List<String> messagesOf(String section) {
        List<String> messages = new ArrayList<>();
        Matcher matcher = MESSAGE.matcher(section);
        while (matcher.find()) {
            messages.add(matcher.group(1));
        }
        return messages;
    }
}
