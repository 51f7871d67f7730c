/**
 * Running a generated Spark wiring in a test, batch by batch on Spark's manual clock, with the
 * sources and sinks replaced by inputs and outputs the test controls.
 */
package dev.sluice.spark.testing;
