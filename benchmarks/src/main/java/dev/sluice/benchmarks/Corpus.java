package dev.sluice.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The benchmark corpus: lines of ten Zipf-distributed words {@code w0 ... w9999} drawn from
 * splitmix64 seeded with 42, identical on every machine so that figures compare.
 *
 * <pre>{@code
 * List<String> lines = Corpus.lines(Corpus.LINES);
 * }</pre>
 */
public final class Corpus {

    public static final int LINES = 2_000_000;
    public static final int WORDS_PER_LINE = 10;
    public static final int VOCABULARY = 10_000;
    /** The SHA-256 of the full corpus written as a file, one {@code \n}-terminated line a line. */
    public static final String SHA_256 = "612d2301af63ce7e045461c346004729bd1260fe2f71b0607b801ac6fc7a6177";

    private Corpus() {}

    /** The first {@code count} lines of the corpus. */
    public static List<String> lines(int count) {
        double[] cdf = new double[VOCABULARY];
        double sum = 0;
        for (int r = 0; r < VOCABULARY; r++) {
            sum += 1.0 / (r + 1);
            cdf[r] = sum;
        }
        SplitMix64 random = new SplitMix64(42);
        List<String> lines = new ArrayList<>(count);
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < count; i++) {
            line.setLength(0);
            for (int w = 0; w < WORDS_PER_LINE; w++) {
                double u = (random.next() >>> 11) * 0x1.0p-53 * cdf[VOCABULARY - 1];
                if (w > 0) {
                    line.append(' ');
                }
                line.append('w').append(smallestRankAbove(cdf, u));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The smallest rank r with {@code cdf[r] > u}. */
    private static int smallestRankAbove(double[] cdf, double u) {
        int low = 0;
        int high = cdf.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cdf[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Writes the lines to {@code file} and returns the file's SHA-256 in hex. */
    public static String write(List<String> lines, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Writes the corpus to the file given (default {@code target/corpus.txt}) and checks its hash. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/corpus.txt");
        String sha = write(lines(LINES), file);
        if (!sha.equals(SHA_256)) {
            System.err.println("corpus " + file + " has SHA-256 " + sha + ", expected " + SHA_256);
            System.exit(1);
        }
        System.out.println("corpus " + file + " " + Files.size(file) + " bytes, SHA-256 " + sha + " (as expected)");
    }

    /** Vigna's splitmix64. */
    static final class SplitMix64 {
        private long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        long next() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
