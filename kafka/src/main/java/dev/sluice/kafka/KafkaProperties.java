package dev.sluice.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Checks of the Kafka client properties a source or sink is given, so a mistake fails when it is made. */
final class KafkaProperties {
    private KafkaProperties() {}

    /** A copy of {@code given}, which must hold every one of {@code required}. */
    static Map<String, Object> copy(String what, Map<String, ?> given, String... required) {
        Objects.requireNonNull(given, what + ": the properties are null");
        Map<String, Object> properties = new HashMap<>();
        given.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException(what + ": a property or its value is null: " + key + "=" + value);
            }
            properties.put(key, value);
        });
        for (String key : required) {
            require(what, properties, key);
        }
        return properties;
    }

    static void require(String what, Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(what + ": the property '" + key + "' is required");
        }
    }
}
