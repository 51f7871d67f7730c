package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.dstream.OutputJob;
import java.util.List;
import java.util.Map;

/**
 * The jobs of one batch time, as generated.
 *
 * <pre>{@code
 * new JobSet(time, graph.generateJobs(time), Map.of("lines", 12L), clock.currentTimeMillis());
 * }</pre>
 *
 * @param time the batch time
 * @param jobs one job per output that has a batch at this time, in output order
 * @param recordsIn the records each source gave this batch, by stream name
 * @param submissionTimeMillis when the jobs were generated, on the context's clock
 */
public record JobSet(Time time, List<OutputJob> jobs, Map<String, Long> recordsIn, long submissionTimeMillis) {}
