/**
 * When the work of a batch runs: the job generator wakes at every batch time on the context's
 * clock, the job scheduler runs batches in order and reports each one to the
 * {@link dev.sluice.runtime.scheduler.StreamingListener}s.
 *
 * <pre>{@code
 * ssc.addStreamingListener(info -> log.info("{} took {}", info.batchTime(), info.processingTime()));
 * }</pre>
 */
package dev.sluice.runtime.scheduler;
