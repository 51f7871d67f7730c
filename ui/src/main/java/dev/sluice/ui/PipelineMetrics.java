package dev.sluice.ui;

import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.scheduler.StreamingListener;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A pipeline's batches as Prometheus metrics, in a registry of its own (two pipelines in one
 * process do not mix their figures):
 *
 * <ul>
 *   <li>{@code sluice_batches_completed_total}, {@code sluice_failures_total}
 *   <li>{@code sluice_records_in_total{source}}, {@code sluice_records_out_total{output}}
 *   <li>{@code sluice_batch_scheduling_delay_seconds}, {@code sluice_batch_processing_time_seconds},
 *       {@code sluice_batch_total_delay_seconds}: histograms
 *   <li>{@code sluice_stage_time_seconds_total{stage}}: each stage's own time, summed
 *   <li>{@code sluice_last_batch_time_seconds}: the time of the last completed batch
 * </ul>
 *
 * <pre>{@code
 * PipelineMetrics metrics = new PipelineMetrics();
 * ssc.addStreamingListener(metrics);
 * metrics.writeTo(out);   // the text exposition format
 * }</pre>
 */
public final class PipelineMetrics implements StreamingListener {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter batches = Counter.builder().name("sluice_batches_completed_total")
            .help("Batches completed").register(registry);
    private final Counter failures = Counter.builder().name("sluice_failures_total")
            .help("Failures that stopped the pipeline").register(registry);
    private final Counter recordsIn = Counter.builder().name("sluice_records_in_total")
            .help("Records the sources gave the batches").labelNames("source").register(registry);
    private final Counter recordsOut = Counter.builder().name("sluice_records_out_total")
            .help("Records the outputs wrote").labelNames("output").register(registry);
    private final Histogram schedulingDelay = delayHistogram("sluice_batch_scheduling_delay_seconds",
            "How long after its time a batch started");
    private final Histogram processingTime = delayHistogram("sluice_batch_processing_time_seconds",
            "How long the jobs of a batch ran");
    private final Histogram totalDelay = delayHistogram("sluice_batch_total_delay_seconds",
            "How long after its time a batch was done");
    private final Counter stageTime = Counter.builder().name("sluice_stage_time_seconds_total")
            .help("Each stage's own time, without the stages it reads").labelNames("stage").register(registry);
    private final Gauge lastBatchTime = Gauge.builder().name("sluice_last_batch_time_seconds")
            .help("The time of the last completed batch, in seconds since the epoch of the pipeline's clock")
            .register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Override
    public void onBatchCompleted(BatchInfo info) {
        batches.inc();
        info.recordsIn().forEach((source, records) -> recordsIn.labelValues(source).inc(records));
        info.recordsOut().forEach((output, records) -> recordsOut.labelValues(output).inc(records));
        schedulingDelay.observe(seconds(info.schedulingDelay()));
        processingTime.observe(seconds(info.processingTime()));
        totalDelay.observe(seconds(info.totalDelay()));
        info.stageTimes().forEach((stage, time) -> stageTime.labelValues(stage).inc(seconds(time)));
        lastBatchTime.set(info.batchTime().milliseconds() / 1000.0);
    }

    @Override
    public void onFailure(StreamingException failure) {
        failures.inc();
    }

    /** The content type of what {@link #writeTo} writes. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Writes every metric in Prometheus' text exposition format. */
    public void writeTo(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    private Histogram delayHistogram(String name, String help) {
        return Histogram.builder().name(name).help(help)
                // from 5 ms to about 80 s, doubling: batch intervals are seconds, delays vary widely
                .classicOnly().classicExponentialUpperBounds(0.005, 2, 15)
                .register(registry);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
