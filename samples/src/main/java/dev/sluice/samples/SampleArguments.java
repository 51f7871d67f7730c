package dev.sluice.samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command-line options of a sample, {@code --name value} pairs, checked against the
 * options the sample accepts so that a typo is an error, not a silently ignored flag.
 *
 * <pre>{@code
 * SampleArguments args = SampleArguments.parse(List.of("--connect", "127.0.0.1:9999"), Set.of("connect"));
 * args.hostAndPort("connect");  // Optional[HostAndPort[host=127.0.0.1, port=9999]]
 * }</pre>
 */
final class SampleArguments {

    private final Map<String, String> values;

    private SampleArguments(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException naming the first unknown, repeated or valueless option */
    static SampleArguments parse(List<String> args, Set<String> accepted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (!flag.startsWith("--") || !accepted.contains(flag.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
            String name = flag.substring(2);
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException("option '" + flag + "' needs a value");
            }
            if (values.put(name, args.get(i + 1)) != null) {
                throw new IllegalArgumentException("option '" + flag + "' is given twice");
            }
        }
        return new SampleArguments(values);
    }

    Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The value of an option the sample cannot run without.
     *
     * @param placeholder what the value is, for the error: {@code DIR} gives "--input DIR is required"
     */
    String required(String name, String placeholder) {
        return string(name).orElseThrow(
                () -> new IllegalArgumentException("--" + name + " " + placeholder + " is required"));
    }

    /** A {@code HOST:PORT} value. */
    Optional<HostAndPort> hostAndPort(String name) {
        return string(name).map(text -> {
            int colon = text.lastIndexOf(':');
            try {
                if (colon > 0) {
                    int port = Integer.parseInt(text.substring(colon + 1));
                    if (port > 0 && port < 65536) {
                        return new HostAndPort(text.substring(0, colon), port);
                    }
                }
            } catch (NumberFormatException notANumber) {
                // reported below, with the option's name
            }
            throw new IllegalArgumentException("--" + name + ": '" + text + "' is not HOST:PORT, such as 127.0.0.1:9999");
        });
    }

    record HostAndPort(String host, int port) {}
}
