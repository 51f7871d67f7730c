/**
 * Tests of pipelines without real time or real sources: {@link
 * dev.sluice.runtime.testing.PipelineTestDriver} feeds named source streams, runs one batch at
 * a time on a manual clock and records what each output received.
 *
 * <pre>{@code
 * try (PipelineTestDriver driver = PipelineTestDriver.create(config -> MyPipelineWiring.wire(new MyPipeline(), config))) {
 *     driver.<String>input("lines").add("a b");
 *     Time t = driver.advance();
 *     driver.output("counts").batch(t);
 * }
 * }</pre>
 */
package dev.sluice.runtime.testing;
