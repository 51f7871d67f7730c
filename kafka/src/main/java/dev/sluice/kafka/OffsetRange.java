package dev.sluice.kafka;

/**
 * The records of one topic partition that one batch holds: offsets {@code fromOffset}
 * (inclusive) to {@code untilOffset} (exclusive), as Spark's {@code OffsetRange}. A batch has
 * one range per partition of its topics, empty ones ({@code fromOffset == untilOffset}) too;
 * {@link DirectKafkaSource#offsetRanges} gives a batch's ranges.
 *
 * <pre>{@code
 * for (OffsetRange range : source.offsetRanges(batchTime)) {
 *     log.info("{}: {} records from {}", range.topicPartition(), range.count(), range.fromOffset());
 * }
 * }</pre>
 */
public record OffsetRange(String topic, int partition, long fromOffset, long untilOffset) {

    public OffsetRange {
        if (fromOffset < 0 || untilOffset < fromOffset) {
            throw new IllegalArgumentException("an offset range runs from an offset of 0 or more up to one not"
                    + " before it, not [" + fromOffset + ", " + untilOffset + ") of " + topic + "-" + partition);
        }
    }

    /** How many offsets the range spans; fewer records if the topic is compacted or transactional. */
    public long count() {
        return untilOffset - fromOffset;
    }

    public String topicPartition() {
        return topic + "-" + partition;
    }

    @Override
    public String toString() {
        return topicPartition() + " [" + fromOffset + ", " + untilOffset + ")";
    }
}
