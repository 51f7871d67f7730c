/**
 * Java serialization read through an allow-list of classes
 * ({@link dev.sluice.runtime.serialization.AllowList}), shared by checkpoints, the receivers'
 * write-ahead log and the object files sink's reader.
 *
 * <pre>{@code
 * AllowList allowed = AllowList.of(32, 1_000_000, List.of("java.lang.String"));
 * }</pre>
 */
package dev.sluice.runtime.serialization;
