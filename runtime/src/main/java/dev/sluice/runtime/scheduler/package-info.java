/**
 * When the work of a batch runs: the job scheduler's two threads take turns at waiting for the
 * next batch time on the context's clock, have the job generator take the sources' records,
 * run the batches in order and report each one to the
 * {@link dev.sluice.runtime.scheduler.StreamingListener}s.
 *
 * <pre>{@code
 * ssc.addStreamingListener(info -> log.info("{} took {}", info.batchTime(), info.processingTime()));
 * }</pre>
 */
package dev.sluice.runtime.scheduler;
