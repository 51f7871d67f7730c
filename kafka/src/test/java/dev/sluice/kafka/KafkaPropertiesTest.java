package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A source or sink with properties that cannot work is refused when it is made, naming what is wrong. */
class KafkaPropertiesTest {

    private static final Map<String, Object> CONSUMER = Map.of(
            "bootstrap.servers", "127.0.0.1:9",
            "group.id", "g",
            "key.deserializer", StringDeserializer.class,
            "value.deserializer", StringDeserializer.class);

    @Test
    void aSourceNeedsAGroupIdToCommitTo() {
        Map<String, Object> properties = without(CONSUMER, "group.id");
        assertThatThrownBy(() -> KafkaSources.direct(List.of("t"), properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka source: the property 'group.id' is required");
    }

    @Test
    void aSourceRefusesAutomaticCommits() {
        Map<String, Object> properties = new HashMap<>(CONSUMER);
        properties.put("enable.auto.commit", "true");
        assertThatThrownBy(() -> KafkaSources.direct(List.of("t"), properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("kafka source: enable.auto.commit must not be true");
    }

    @Test
    void aSourceNeedsDeserializersUnlessGivenAsObjects() {
        Map<String, Object> properties = without(CONSUMER, "value.deserializer");
        assertThatThrownBy(() -> KafkaSources.direct(List.of("t"), properties))
                .hasMessage("kafka source: the property 'value.deserializer' is required");
        KafkaSources.direct(List.of("t"), properties, new StringDeserializer(), new StringDeserializer());
    }

    @Test
    void aSourceNeedsATopic() {
        assertThatThrownBy(() -> KafkaSources.direct(List.of(), CONSUMER))
                .hasMessage("kafka source: name at least one topic");
        assertThatThrownBy(() -> KafkaSources.direct(List.of(" "), CONSUMER))
                .hasMessage("kafka source: a topic name is blank or null in [ ]");
    }

    @Test
    void aSourceRefusesATimeoutThatIsNotAPositiveNumber() {
        Map<String, Object> properties = new HashMap<>(CONSUMER);
        properties.put("default.api.timeout.ms", "soon");
        assertThatThrownBy(() -> KafkaSources.direct(List.of("t"), properties))
                .hasMessage("kafka source: default.api.timeout.ms must be a positive number of milliseconds, not 'soon'");
    }

    @Test
    void aSinkNeedsItsSerializers() {
        Map<String, Object> properties = Map.of("bootstrap.servers", "127.0.0.1:9", "key.serializer", StringSerializer.class);
        assertThatThrownBy(() -> KafkaSinks.pairs("t", properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka sink: the property 'value.serializer' is required");
        assertThatThrownBy(() -> KafkaSinks.pairs(" ", properties))
                .hasMessage("kafka sink: the topic is blank");
    }

    private static Map<String, Object> without(Map<String, Object> properties, String key) {
        Map<String, Object> copy = new HashMap<>(properties);
        copy.remove(key);
        return copy;
    }
}
