package dev.sluice.processor;

import java.util.Optional;

/**
 * Which wirings the processor generates, from the processor option {@value #OPTION}: the
 * lean one ({@code <Pipeline>Wiring}, the default) and the Spark one
 * ({@code <Pipeline>SparkWiring}), each asked for by name, separated by commas.
 *
 * <pre>{@code
 * javac -Asluice.backend=lean,spark ...
 * Backends.parse("lean,spark");   // lean and Spark
 * }</pre>
 *
 * @param lean whether {@code <Pipeline>Wiring} is generated
 * @param spark whether {@code <Pipeline>SparkWiring} is generated
 */
record Backends(boolean lean, boolean spark) {

    static final String OPTION = "sluice.backend";

    static final Backends LEAN = new Backends(true, false);

    /**
     * The backends a value of the option names; null (the option not given) is the lean one.
     *
     * @return the backends, or empty with the first unknown name in {@code unknown}
     */
    static Optional<Backends> parse(String value, StringBuilder unknown) {
        if (value == null) {
            return Optional.of(LEAN);
        }
        boolean lean = false;
        boolean spark = false;
        for (String name : value.split(",", -1)) {
            switch (name.strip()) {
                case "lean" -> lean = true;
                case "spark" -> spark = true;
                default -> {
                    unknown.append(name.strip());
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Backends(lean, spark));
    }
}
