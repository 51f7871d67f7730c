package dev.sluice.samples;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link WordCountToDatabase} on its default, the embedded H2 database. */
class WordCountToDatabaseTest {

    @Test
    void countsEveryBatchIntoTheEmbeddedDatabase() throws Exception {
        WordCountDatabase.countsEveryBatchIntoTheTable("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void aBatchFailsClearlyWhenTheDatabaseIsDown() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        WordCountDatabase.aBatchFailsClearlyWhenTheDatabaseIsDown(
                "jdbc:h2:tcp://127.0.0.1:" + closedPort + "/mem:gone");
    }
}
