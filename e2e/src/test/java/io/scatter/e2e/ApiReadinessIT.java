package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's readiness follows PostgreSQL and RabbitMQ, which it reaches through relays this test cuts and restores
 * (the shared servers keep running); its liveness stays UP throughout, so an outage never restarts it.
 */
class ApiReadinessIT {

    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TcpRelay database;
    private static TcpRelay broker;
    private static ScatterCluster cluster;

    @BeforeAll
    static void startTheApiThroughRelays() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        database = TcpRelay.start(loopback, new InetSocketAddress("127.0.0.1", 5432));
        broker = TcpRelay.start(loopback, new InetSocketAddress("127.0.0.1", 5672));
        cluster = ScatterCluster.builder().workers(0).apiDatabase(database.address())
                .rabbitmq(() -> new RelayedVhost(BrokerVhost.local("readiness"), broker.address()))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void relaysAreRestored() {
        database.restore();
        broker.restore();
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpWhenItIsBack() throws Exception {
        JsonNode down = cutUntilNotReady(database);

        assertThat(down.path("components").path("db").path("status").asText()).isEqualTo("DOWN");
        restoreUntilReady(database);
    }

    @Test
    void readinessIsDownWhileTheBrokerIsUnreachableAndUpWhenItIsBack() throws Exception {
        JsonNode down = cutUntilNotReady(broker);

        assertThat(down.path("components").path("broker").path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(cluster.client().get("/actuator/health").statusCode()).as("jobs are still accepted")
                .isEqualTo(200);
        JsonNode up = restoreUntilReady(broker);
        assertThat(up.path("components").path("broker").path("status").asText()).isEqualTo("UP");
    }

    /** Cuts {@code relay} once the API is ready; returns the readiness answer once it is 503, liveness still UP. */
    private static JsonNode cutUntilNotReady(TcpRelay relay) throws Exception {
        awaitReadiness(200);
        relay.cut();
        JsonNode down = awaitReadiness(503);
        assertThat(cluster.client().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        return down;
    }

    /** Restores {@code relay}; returns the readiness answer once it is 200 and UP again. */
    private static JsonNode restoreUntilReady(TcpRelay relay) throws Exception {
        relay.restore();
        JsonNode up = awaitReadiness(200);
        assertThat(up.path("status").asText()).isEqualTo("UP");
        return up;
    }

    /** Polls the readiness probe until it answers {@code status}; returns its body. */
    private static JsonNode awaitReadiness(int status) throws Exception {
        HttpResponse<String> response = Poll.until("readiness to answer " + status, PROBE_TIMEOUT,
                () -> cluster.client().get("/actuator/health/readiness"), answer -> answer.statusCode() == status);
        return JSON.readTree(response.body());
    }

    /** A virtual host of the machine's RabbitMQ that the cluster's processes reach through {@code address}. */
    private record RelayedVhost(BrokerVhost vhost, InetSocketAddress address) implements BrokerVhost {

        @Override
        public String name() {
            return vhost.name();
        }

        @Override
        public String uri() {
            return "amqp://guest:guest@" + address.getHostString() + ":" + address.getPort() + "/" + vhost.name();
        }

        @Override
        public String rabbitmqctl(String... args) throws InterruptedException {
            return vhost.rabbitmqctl(args);
        }

        @Override
        public void close() throws InterruptedException {
            vhost.close();
        }
    }
}
