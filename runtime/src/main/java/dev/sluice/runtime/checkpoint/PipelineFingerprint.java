package dev.sluice.runtime.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a pipeline's graph is, as a checkpoint records it: one description per stage (its name,
 * operator, inputs and element type, as the annotation processor wrote them into the wiring's
 * {@code STAGES}) and a hash of them (the wiring's {@code FINGERPRINT}). A checkpoint whose
 * fingerprint differs from the running pipeline's is refused, and {@link #changesSince} says
 * which stages were added, removed, renamed or changed.
 *
 * <pre>{@code
 * PipelineFingerprint now = new PipelineFingerprint(WordCountWiring.FINGERPRINT, WordCountWiring.STAGES);
 * String why = now.changesSince(written);   // "stage 'counts' changed from '...' to '...'"
 * }</pre>
 *
 * @param hash identifies the graph; two graphs with the same stages have the same hash
 * @param stages each stage as {@code "name: description"}, in the order of the wiring
 */
public record PipelineFingerprint(String hash, List<String> stages) {

    public PipelineFingerprint {
        Objects.requireNonNull(hash, "hash");
        stages = List.copyOf(stages);
    }

    /** The fingerprint of {@code stages}, hashed with SHA-256, for graphs built without the processor. */
    public static PipelineFingerprint of(List<String> stages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", stages).getBytes(StandardCharsets.UTF_8));
            return new PipelineFingerprint(HexFormat.of().formatHex(digest.digest(), 0, 8), stages);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * What changed from the pipeline that wrote {@code written} to this one, in words; empty if
     * the stages are the same.
     */
    public String changesSince(PipelineFingerprint written) {
        Map<String, String> before = byName(written.stages);
        Map<String, String> after = byName(stages);
        List<String> removed = new ArrayList<>(before.keySet());
        removed.removeAll(after.keySet());
        List<String> added = new ArrayList<>(after.keySet());
        added.removeAll(before.keySet());
        List<String> changes = new ArrayList<>();
        for (String name : List.copyOf(removed)) {
            String renamedTo = added.stream()
                    .filter(candidate -> after.get(candidate).equals(before.get(name)))
                    .findFirst().orElse(null);
            if (renamedTo != null) {
                changes.add("stage '" + name + "' was renamed to '" + renamedTo + "'");
                removed.remove(name);
                added.remove(renamedTo);
            }
        }
        removed.forEach(name -> changes.add("stage '" + name + "' was removed"));
        added.forEach(name -> changes.add("stage '" + name + "' was added"));
        after.forEach((name, description) -> {
            String old = before.get(name);
            if (old != null && !old.equals(description)) {
                changes.add("stage '" + name + "' changed from '" + old + "' to '" + description + "'");
            }
        });
        if (changes.isEmpty() && !written.stages.equals(stages)) {
            changes.add("the stages are the same but in another order");
        }
        return String.join("; ", changes);
    }

    // "name: what it is" -> name -> what it is; a description without a name is its own name.
    private static Map<String, String> byName(List<String> stages) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String stage : stages) {
            int colon = stage.indexOf(": ");
            byName.put(colon < 0 ? stage : stage.substring(0, colon), colon < 0 ? "" : stage.substring(colon + 2));
        }
        return byName;
    }
}
