package dev.sluice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page in a real headless browser: its charts and its table follow the batches. */
class StatusPageBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern CHART = Pattern.compile("<div class=\"chart\" id=\"(chart-[a-z-]+)\"[^>]*data-points=\"(\\d+)\"");

    @TempDir
    Path workDir;

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc = TestPipelines.wordCount(clock, TestPipelines.lines(
            List.of(List.of("a b a"), List.of("b c"), List.of("c"), List.of("d d d d"), List.of("e"))));
    private StatusServer server;

    @AfterEach
    void stop() {
        ssc.stop();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theChartsAndTheBatchTableShowEachBatch() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(workDir);
        server = StatusServer.start(ssc, StatusServer.DEFAULT_HOST, 0);
        ssc.start();
        runBatches(1, 2);

        String twoBatches = chromium.dumpDom(server.url());
        assertThat(chartPoints(twoBatches)).containsExactly("chart-input-rate=2", "chart-scheduling-delay=2",
                "chart-processing-time=2", "chart-total-delay=2");
        assertThat(batchRows(twoBatches)).containsExactly("2000", "1000");

        runBatches(3, 5);
        String fiveBatches = chromium.dumpDom(server.url());
        assertThat(chartPoints(fiveBatches)).containsExactly("chart-input-rate=5", "chart-scheduling-delay=5",
                "chart-processing-time=5", "chart-total-delay=5");
        assertThat(batchRows(fiveBatches)).containsExactly("5000", "4000", "3000", "2000", "1000");
        // uPlot drew each chart: its own element with a canvas inside
        assertThat(Pattern.compile("class=\"uplot").matcher(fiveBatches).results().count()).isEqualTo(4);
        assertThat(Pattern.compile("<canvas").matcher(fiveBatches).results().count()).isGreaterThanOrEqualTo(4);
        assertThat(fiveBatches).contains("<td>words</td><td>flatMap</td><td>lines</td>")
                .contains("<td>collect</td><td>foreachRDD</td><td>counts</td>")
                .contains("<td>lines: 1</td><td>0</td><td>0</td><td>0</td><td>collect: 2</td>")
                .contains("5 batches completed");
        // the graph of stages: one box a stage, one arrow an input
        assertThat(Pattern.compile("<g class=\"stage ").matcher(fiveBatches).results().count()).isEqualTo(5);
        assertThat(Pattern.compile("<line class=\"edge\"").matcher(fiveBatches).results().count()).isEqualTo(4);
        assertThat(fiveBatches).contains("<text x=\"8\" y=\"18\" class=\"stage-name\">counts</text>")
                .contains("<text x=\"8\" y=\"35\" class=\"stage-detail\">reduceByKey · ");

        Path png = workDir.resolve("status-page.png");
        chromium.screenshot(server.url(), png, 1200, 900);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private void runBatches(int from, int to) throws InterruptedException {
        for (int i = from; i <= to; i++) {
            clock.advance(TestPipelines.SECOND);
            assertThat(ssc.awaitBatches(i, TIMEOUT)).isTrue();
        }
    }

    private static List<String> chartPoints(String dom) {
        return CHART.matcher(dom).results().map(m -> m.group(1) + "=" + m.group(2)).toList();
    }

    /** The batch times in the table of recent batches, top to bottom. */
    private static List<String> batchRows(String dom) {
        String table = dom.substring(dom.indexOf("<table id=\"batches\">"));
        table = table.substring(0, table.indexOf("</table>"));
        Matcher rows = Pattern.compile("<tr><td>[^<]* \\((\\d+)\\)</td>").matcher(table);
        return rows.results().map(m -> m.group(1)).toList();
    }
}
