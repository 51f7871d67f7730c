package dev.sluice.kafka.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Kafka cluster (KRaft: broker and controller in one server) in this JVM,
 * one per test class: started before the class's first test, deleted after its last. It
 * listens on 127.0.0.1 only, on two ports chosen when it starts, with its logs in a temporary
 * directory. {@link #restart()} stops and starts the server on the same ports and data, as an
 * operator's restart does, so clients reconnect to the same address.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaTestBroker broker = new KafkaTestBroker();
 *
 * @Test
 * void reads() throws Exception {
 *     broker.createTopic("lines", 2);
 *     broker.send("lines", "a b a");
 * }
 * }</pre>
 */
public final class KafkaTestBroker implements BeforeAllCallback, AfterAllCallback {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static {
        // A fatal fault makes the server exit the process; in a test it must fail the test instead.
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("the Kafka server asked to exit (" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("the Kafka server asked to halt (" + status + "): " + message);
        });
    }

    private Path directory;
    private KafkaConfig config;
    private String bootstrapServers;
    private KafkaRaftServer server;

    /** Formats a new cluster in a temporary directory and starts it. */
    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("sluice-kafka-");
        String logs = directory.resolve("logs").toString();
        int brokerPort = freeLoopbackPort();
        int controllerPort = freeLoopbackPort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("log.dirs", logs);
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("num.partitions", "1");
        properties.put("log.cleaner.dedupe.buffer.size", "2097152");
        config = new KafkaConfig(properties, false);

        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logs))
                .setMetadataLogDirectory(logs)
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();

        bootstrapServers = "127.0.0.1:" + brokerPort;
        startServer();
    }

    /** {@code host:port} of the broker, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the server and starts it again on the same ports and data; waits until it serves. */
    public synchronized void restart() throws Exception {
        stopServer();
        startServer();
    }

    /** Stops the server (clients then see it unreachable) until {@link #resume()}. */
    public synchronized void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the server after {@link #stopServer()}, if it is stopped; waits until it serves. */
    public synchronized void resume() throws Exception {
        if (server == null) {
            startServer();
        }
    }

    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Sends string records (null keys) to the topic and waits until the broker has them. */
    public void send(String topic, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Sends a string record to one partition. */
    public void send(String topic, int partition, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Sends raw bytes, for records a deserializer refuses. */
    public void sendBytes(String topic, int partition, byte[] value) throws Exception {
        Map<String, Object> properties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.ByteArraySerializer",
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.ByteArraySerializer");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, partition, null, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Reads every record of the topic from the beginning up to its end offsets now, waiting at
     * most a minute for them.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, WAIT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the records of " + topic + " up to " + end + " did not arrive in " + WAIT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The offsets the group has committed, by partition. */
    public Map<TopicPartition, Long> committedOffsets(String groupId) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public synchronized void afterAll(ExtensionContext context) throws IOException {
        stopServer();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private void startServer() throws Exception {
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitServing();
    }

    /** Waits, bounded, until the broker answers a metadata request. */
    private void awaitServing() throws Exception {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * A port of 127.0.0.1 free now. The server must keep its ports across a restart (its
     * clients know it by address), so they are chosen once, here, rather than as port 0.
     */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
