package dev.sluice.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaTestBrokerTest {
    @Test
    void servesRecordsBeforeAndAfterARestart() throws Exception {
        try (KafkaTestBroker broker = KafkaTestBroker.start()) {
            broker.createTopic("t", 1);
            broker.send("t", "a");
            broker.restart();
            broker.send("t", "b");
            assertThat(broker.readAll("t")).extracting(r -> r.value()).containsExactly("a", "b");
        }
    }
}
