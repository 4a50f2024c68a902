package io.scatter.api.job;

import io.scatter.api.auth.TestKeys;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.EventStreamClient;
import io.scatter.api.testing.RunningApi;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the API ends its open event streams first, so graceful shutdown does not wait for them: each client sees
 * its stream end cleanly, where a stream still open when the wait ran out would be cut off without its last chunk.
 */
class JobEventsShutdownTest {

    @Test
    void stoppingTheApiEndsItsOpenStreamsCleanly() throws SQLException {
        RunningApi api = RunningApi.start(ApiEnvironment.withoutBroker());
        EventStreamClient stream;
        try {
            String key = TestKeys.create(api.dataSource(), "shutdown");
            stream = EventStreamClient.open(api.port(), "/api/v1/jobs/events",
                    Map.of("Authorization", "Bearer " + key));
            assertThat(stream.status()).isEqualTo(200);
        } finally {
            api.close();
        }

        try (stream) {
            stream.awaitEnd();
        }
    }
}
