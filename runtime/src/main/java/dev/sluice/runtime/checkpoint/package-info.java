/**
 * The checkpoint file format: a versioned, fingerprinted, CRC-checked file written atomically
 * ({@link dev.sluice.runtime.checkpoint.CheckpointFile}), and Java serialization restricted to an
 * allow-list ({@link dev.sluice.runtime.checkpoint.FilteredDeserialization}). Recovery from
 * checkpoints builds on these.
 */
package dev.sluice.runtime.checkpoint;
