package dev.sluice.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.jr.ob.JSON;

/** The status page's endpoints over a real socket: JSON of the batches and the pipeline, Prometheus metrics. */
class StatusServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc = TestPipelines.wordCount(clock,
            TestPipelines.lines(List.of(List.of("a b a", "c"), List.of("b"))));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private StatusServer server;

    @AfterEach
    void stop() {
        ssc.stop();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesTheRecentBatchesNewestLastWithTheirFigures() throws Exception {
        server = StatusServer.start(ssc, StatusServer.DEFAULT_HOST, 0);
        runBatches(3);

        HttpResponse<String> response = get("/api/batches");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        List<Object> batches = JSON.std.listFrom(response.body());
        assertThat(batches).hasSize(3);
        Map<String, Object> first = map(batches.get(0));
        assertThat(first.get("batchTime")).isEqualTo(1000);
        assertThat(first.get("numRecords")).isEqualTo(2);
        assertThat(first.get("inputRate")).isEqualTo(2.0);
        assertThat(first.get("recordsIn")).isEqualTo(Map.of("lines", 2));
        assertThat(first.get("recordsOut")).isEqualTo(Map.of("collect", 3));
        assertThat(first.get("schedulingDelay")).isEqualTo(0);
        assertThat(first.get("processingTime")).isEqualTo(0);
        assertThat(first.get("totalDelay")).isEqualTo(0);
        assertThat(List.<Object>copyOf(map(first.get("stageTimes")).keySet())).containsExactly("words", "pairs", "counts", "collect");
        assertThat(batches.stream().map(batch -> map(batch).get("batchTime")).toList())
                .containsExactly(1000, 2000, 3000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesThePipelineWithItsStages() throws Exception {
        server = StatusServer.start(ssc, StatusServer.DEFAULT_HOST, 0);
        runBatches(1);

        Map<String, Object> pipeline = JSON.std.mapFrom(get("/api/pipeline").body());
        assertThat(pipeline).containsEntry("name", "wordcount").containsEntry("state", "ACTIVE")
                .containsEntry("batchIntervalMillis", 1000).containsEntry("completedBatches", 1)
                .doesNotContainKey("failure");
        assertThat((List<Object>) pipeline.get("stages")).containsExactly(
                Map.of("name", "lines", "kind", "source", "operator", "source", "inputs", List.of()),
                Map.of("name", "words", "kind", "stream", "operator", "flatMap", "inputs", List.of("lines")),
                Map.of("name", "pairs", "kind", "stream", "operator", "mapToPair", "inputs", List.of("words")),
                Map.of("name", "counts", "kind", "stream", "operator", "reduceByKey", "inputs", List.of("pairs")),
                Map.of("name", "collect", "kind", "output", "operator", "foreachRDD", "inputs", List.of("counts")));
    }

    @Test
    void servesPrometheusMetrics() throws Exception {
        server = StatusServer.start(ssc, StatusServer.DEFAULT_HOST, 0);
        runBatches(2);

        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(response.body())
                .contains("sluice_batches_completed_total 2.0")
                .contains("sluice_records_in_total{source=\"lines\"} 3.0")
                .contains("sluice_records_out_total{output=\"collect\"} 4.0")
                .contains("sluice_batch_total_delay_seconds_count 2")
                .contains("sluice_stage_time_seconds_total{stage=\"words\"}")
                .contains("sluice_last_batch_time_seconds 2.0");
    }

    @Test
    void servesThePageAndItsChartingLibraryAndRefusesTheRest() throws Exception {
        server = StatusServer.start(ssc, StatusServer.DEFAULT_HOST, 0);

        assertThat(get("/").body()).contains("<div class=\"chart\" id=\"chart-input-rate\"");
        assertThat(get("/static/uPlot.iife.min.js").body()).contains("uPlot");
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.url().resolve("/api/batches"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void bindsToThisMachineOnlyAndSaysWhenThePortIsTaken() throws Exception {
        server = StatusServer.start(ssc, StatusServer.DEFAULT_HOST, 0);
        assertThat(server.url()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));

        assertThatThrownBy(() -> StatusServer.start(ssc, StatusServer.DEFAULT_HOST, server.port()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the status page cannot listen on 127.0.0.1:" + server.port());
        assertThatThrownBy(() -> StatusServer.start(ssc, StatusServer.DEFAULT_HOST, 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the status page's port must be between 0 and 65535, not 70000");
    }

    @Test
    void showsTheFailureThatStoppedThePipeline() throws Exception {
        StreamingContext failing = StreamingContext.create(
                StreamingConfig.builder().name("failing").clock(clock).build(), TestPipelines.SECOND);
        failing.sourceStream("lines", Sources.queue(
                        TestPipelines.lines(List.of(List.of("x")))))
                .foreachRDD("broken", batch -> {
                    throw new IllegalStateException("disk full");
                });
        server = StatusServer.start(failing, StatusServer.DEFAULT_HOST, 0);
        failing.start();
        clock.advance(TestPipelines.SECOND);
        assertThatThrownBy(() -> failing.awaitTerminationOrTimeout(TIMEOUT)).hasMessageContaining("disk full");

        Map<String, Object> pipeline = JSON.std.mapFrom(get("/api/pipeline").body());
        assertThat(pipeline).containsEntry("state", "STOPPED");
        assertThat(map(pipeline.get("failure"))).containsEntry("message",
                "pipeline 'failing': stage 'broken' failed in the batch of 1000 ms: java.lang.IllegalStateException: disk full");
        assertThat(get("/metrics").body()).contains("sluice_failures_total 1.0");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    private void runBatches(int n) throws InterruptedException {
        ssc.start();
        for (int i = 1; i <= n; i++) {
            clock.advance(TestPipelines.SECOND);   // one batch at a time, so none waits for another
            assertThat(ssc.awaitBatches(i, TIMEOUT)).isTrue();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
