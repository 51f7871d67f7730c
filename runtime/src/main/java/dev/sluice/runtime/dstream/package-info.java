/**
 * The stream graph behind {@link dev.sluice.runtime.DStream}: one node per operator, each
 * computing its batch for a batch time from its parents' batches, once, and remembering it as
 * long as a window downstream needs it. Internal to the runtime.
 *
 * <pre>{@code
 * Batch<String> words = wordsNode.getOrCompute(Time.ofMillis(5_000));
 * }</pre>
 */
package dev.sluice.runtime.dstream;
