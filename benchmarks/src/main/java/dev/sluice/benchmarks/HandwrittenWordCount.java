package dev.sluice.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The practical ceiling: the same user functions in a plain loop, on one thread or two. */
final class HandwrittenWordCount {

    private HandwrittenWordCount() {}

    static Map<String, Integer> count(List<String> lines, int from, int to) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = from; i < to; i++) {
            for (String word : lines.get(i).split(" ")) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Two threads each count half; the smaller map is merged into the larger. */
    static Map<String, Integer> countTwoThreads(List<String> lines) {
        int half = lines.size() / 2;
        CompletableFuture<Map<String, Integer>> first = CompletableFuture.supplyAsync(() -> count(lines, 0, half));
        Map<String, Integer> second = count(lines, half, lines.size());
        Map<String, Integer> other = first.join();
        Map<String, Integer> larger = other.size() >= second.size() ? other : second;
        Map<String, Integer> smaller = larger == other ? second : other;
        smaller.forEach((word, n) -> larger.merge(word, n, Integer::sum));
        return larger;
    }
}
