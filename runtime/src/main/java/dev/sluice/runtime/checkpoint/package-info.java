/**
 * Checkpoints: the versioned, fingerprinted, CRC-checked file format written atomically
 * ({@link dev.sluice.runtime.checkpoint.CheckpointFile}); what one checkpoint holds
 * ({@link dev.sluice.runtime.checkpoint.PipelineCheckpoint}); the directory of a pipeline's
 * checkpoints, pruned to the newest ({@link dev.sluice.runtime.checkpoint.CheckpointDirectory});
 * the graph's fingerprint, which names what changed when a checkpoint is refused
 * ({@link dev.sluice.runtime.checkpoint.PipelineFingerprint}); and Java serialization restricted
 * to an allow-list ({@link dev.sluice.runtime.checkpoint.FilteredDeserialization}, built on
 * {@link dev.sluice.runtime.serialization.AllowList}).
 *
 * <pre>{@code
 * StreamingContext ssc = StreamingContext.getOrCreate(Path.of("checkpoints"), () -> wire(config));
 * }</pre>
 */
package dev.sluice.runtime.checkpoint;
