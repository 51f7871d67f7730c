package dev.sluice.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions a {@link DirectKafkaSource} reads: those of a list of topics, or of every
 * topic whose name matches a pattern. Asked again at every batch, so partitions and (for a
 * pattern) topics added while the pipeline runs are read from the next batch on.
 */
sealed interface Subscription {

    /** The partitions to read now, in topic then partition order. */
    List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout);

    static Subscription topics(Collection<String> topics) {
        Objects.requireNonNull(topics, "kafka source: the topics are null");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("kafka source: name at least one topic");
        }
        for (String topic : topics) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("kafka source: a topic name is blank or null in " + topics);
            }
        }
        return new Topics(List.copyOf(topics));
    }

    static Subscription pattern(Pattern pattern) {
        return new TopicPattern(Objects.requireNonNull(pattern, "kafka source: the topic pattern is null"));
    }

    private static List<TopicPartition> sorted(List<PartitionInfo> infos) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return partitions;
    }

    record Topics(List<String> names) implements Subscription {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
            List<PartitionInfo> infos = new ArrayList<>();
            for (String topic : names) {
                // An unknown topic has no partitions yet; it is read once it is created.
                infos.addAll(consumer.partitionsFor(topic, timeout));
            }
            return sorted(infos);
        }

        @Override
        public String toString() {
            return "topics " + names;
        }
    }

    record TopicPattern(Pattern pattern) implements Subscription {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
            List<PartitionInfo> infos = new ArrayList<>();
            consumer.listTopics(timeout).forEach((topic, topicInfos) -> {
                if (pattern.matcher(topic).matches()) {
                    infos.addAll(topicInfos);
                }
            });
            return sorted(infos);
        }

        @Override
        public String toString() {
            return "topics matching " + pattern;
        }
    }
}
