package dev.sluice.processor.diagnostics;

import java.util.Optional;

/**
 * "Did you mean" for misspelt names: the closest candidate by edit distance, ignoring case,
 * offered only when it is close enough to be a plausible typo.
 *
 * <pre>{@code
 * Suggestions.closest("pair", List.of("lines", "pairs"));   // Optional[pairs]
 * Suggestions.closest("totals", List.of("lines"));         // Optional.empty
 * }</pre>
 */
public final class Suggestions {

    private Suggestions() {}

    /** The first candidate, in iteration order, among those nearest to {@code name}. */
    public static Optional<String> closest(String name, Iterable<String> candidates) {
        int limit = Math.max(1, name.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
            if (distance <= limit && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Levenshtein distance: insertions, deletions and substitutions to turn a into b. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
