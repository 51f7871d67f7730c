/**
 * The serializable shapes of the user methods that Spark's own function interfaces cannot take
 * directly, because they read Sluice's types ({@code java.util.Optional}, {@code State},
 * {@code Batch}).
 */
package dev.sluice.spark.function;
