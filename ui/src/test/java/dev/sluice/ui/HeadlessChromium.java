package dev.sluice.ui;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium, run headless on a page: the DOM after its scripts ran, or a screenshot.
 * Where chromium is missing the test is skipped on a developer's machine and fails in CI
 * ({@code CI=true}), where {@code .ci/run} installs it.
 */
final class HeadlessChromium {

    /** How long the page's scripts run, in virtual time, before the DOM is taken. */
    private static final int SCRIPT_MILLIS = 3000;
    private static final long RUN_TIMEOUT_SECONDS = 60;

    private final Path executable;
    private final Path workDir;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** The chromium on the PATH, with its profiles under {@code workDir}. */
    static HeadlessChromium find(Path workDir) {
        Optional<Path> found = onPath("chromium").or(() -> onPath("chromium-browser"));
        if (found.isEmpty()) {
            String why = "chromium is not on the PATH; install Debian's package: apt-get install -y chromium";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return new HeadlessChromium(found.get(), workDir);
    }

    /** The page's DOM once its scripts have run. */
    String dumpDom(URI page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    /** Writes a PNG of the page, {@code width} by {@code height} pixels, to {@code png}. */
    void screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            fail("chromium wrote no screenshot to " + png);
        }
    }

    private String run(URI page, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--virtual-time-budget=" + SCRIPT_MILLIS));
        command.addAll(List.of(action));
        command.add(page.toString());
        Path out = workDir.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = workDir.resolve("chromium-" + System.nanoTime() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within " + RUN_TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            fail("chromium failed with exit code " + process.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
