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

    /**
     * The optimal string alignment distance: insertions, deletions, substitutions and swaps of
     * two neighbouring letters to turn a into b, so that the common typo "minsu" is one step
     * from "minus".
     */
    static int editDistance(String a, String b) {
        int[][] distance = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            distance[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            distance[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(distance[i - 1][j - 1] + cost,
                        Math.min(distance[i - 1][j], distance[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, distance[i - 2][j - 2] + 1);
                }
                distance[i][j] = best;
            }
        }
        return distance[a.length()][b.length()];
    }
}
