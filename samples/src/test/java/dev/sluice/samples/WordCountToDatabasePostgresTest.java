package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WordCountToDatabase} against a real PostgreSQL server, whose JDBC URL comes from the
 * environment variable {@value #URL_VARIABLE} (or the system property {@value #URL_PROPERTY}).
 * {@code .ci/run} starts a throwaway server and sets it. Without it the test is skipped, except
 * under {@code CI=true}, where a missing server fails the build.
 */
class WordCountToDatabasePostgresTest {

    static final String URL_VARIABLE = "SLUICE_POSTGRES_URL";
    static final String URL_PROPERTY = "sluice.postgres.url";

    private String url;

    /** Per test, so that a skip shows as two skipped tests rather than none run. */
    @BeforeEach
    void findTheServer() {
        url = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + URL_VARIABLE + " is not set: .ci/run must start PostgreSQL and export it");
            }
            Assumptions.abort(URL_VARIABLE + " is not set; run .ci/run, or start PostgreSQL and set it");
        }
        assertThat(url).startsWith("jdbc:postgresql:");
    }

    @Test
    void countsEveryBatchIntoPostgres() throws Exception {
        WordCountDatabase.countsEveryBatchIntoTheTable(url);
    }

    @Test
    void aBatchFailsClearlyWhenPostgresIsDown() throws Exception {
        WordCountDatabase.aBatchFailsClearlyWhenTheDatabaseIsDown(
                "jdbc:postgresql://127.0.0.1:" + WordCountDatabase.unusedPort() + "/postgres?connectTimeout=5");
    }
}
