package dev.sluice.samples;

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
        WordCountDatabase.aBatchFailsClearlyWhenTheDatabaseIsDown(
                "jdbc:h2:tcp://127.0.0.1:" + WordCountDatabase.unusedPort() + "/mem:gone");
    }
}
