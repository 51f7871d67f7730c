package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.dstream.SourceNode;
import dev.sluice.runtime.dstream.StreamGraph;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates the batch of one batch time: takes each source's records for that time and makes
 * one job per output. The {@link JobScheduler} calls it when the context's clock reaches the
 * batch time (late if need be: every batch time is generated, in order, and none is skipped).
 *
 * <pre>{@code
 * JobGenerator generator = new JobGenerator(graph, clock, onFailure);
 * JobSet batch = generator.generate(Time.ofMillis(5_000));   // null if a source failed
 * }</pre>
 */
public final class JobGenerator {

    private final StreamGraph graph;
    private final Clock clock;
    private final Consumer<StreamingException> onFailure;

    public JobGenerator(StreamGraph graph, Clock clock, Consumer<StreamingException> onFailure) {
        this.graph = graph;
        this.clock = clock;
        this.onFailure = onFailure;
    }

    /** The first batch time after {@code nowMillis}: the next multiple of {@code interval}. */
    public static Time firstBatchTime(long nowMillis, Duration interval) {
        long step = interval.toMillis();
        return new Time(Math.floorDiv(nowMillis, step) * step + step);
    }

    /**
     * The jobs of {@code time}, with the records each source gave them; or null once a source
     * failed, after reporting the failure (no later batch is generated then).
     */
    public JobSet generate(Time time) {
        Map<String, Long> records = new LinkedHashMap<>();
        try {
            for (SourceNode<?> source : graph.sources()) {
                records.put(source.name(), source.receive(time));
            }
        } catch (StreamingException e) {
            onFailure.accept(e);
            return null;
        } catch (RuntimeException | Error e) {
            onFailure.accept(new BatchFailedException("job generator", time, e));
            return null;
        }
        return new JobSet(time, graph.generateJobs(time), records, clock.currentTimeMillis());
    }
}
