package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API and a worker, as processes, run a job with a database password read from a file, a broker user with a
 * password of its own, an API key and a task signing key (the API signs, the worker verifies); nothing either process
 * wrote contains a password or a key, plain or URL-encoded.
 */
class SecretsNotLoggedIT {

    private static final String RANDOM = UUID.randomUUID().toString().substring(0, 8);
    private static final String DATABASE_PASSWORD = "Db-Secret-" + RANDOM + "-p@ss:w/rd";
    private static final String BROKER_PASSWORD = "Broker-Secret-" + RANDOM + "-p@ss:w/rd";
    private static final String SIGNING_KEY = "Signing-Secret-" + RANDOM + "-k@y:0123456789";

    private static ScatterCluster cluster;
    private static Path passwordFile;

    @BeforeAll
    static void startAnApiAndAWorkerWithSecrets() throws Exception {
        passwordFile = Files.createTempFile("scatter-db-password", "");
        Files.writeString(passwordFile, DATABASE_PASSWORD + "\n");
        cluster = ScatterCluster.builder().workers(1)
                .rabbitmq(() -> SecretUser.create("scatter-test-secrets-" + RANDOM, BROKER_PASSWORD))
                .environment(Map.of("SCATTER_DATABASE_PASSWORD_FILE", passwordFile.toString(),
                        "SCATTER_SIGNING_KEY", SIGNING_KEY)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    @Test
    void noPasswordApiKeyOrSigningKeyAppearsInWhatTheApiAndTheWorkerWriteWhileTheySignAndVerifyTasks() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":100000},"options":{"tasks":2}}""");
        JsonNode job = cluster.awaitFinished(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");

        String output = everythingWritten();
        assertThat(output).as("the processes' output").contains(id);
        for (String secret : List.of(DATABASE_PASSWORD, BROKER_PASSWORD, SIGNING_KEY)) {
            assertThat(output).doesNotContain(secret).doesNotContain(encoded(secret))
                    .doesNotContain(secret.substring(0, secret.indexOf('@')));
        }
        String apiKey = cluster.apiKey();
        assertThat(output).as("the processes' output").doesNotContain(apiKey)
                .doesNotContain(apiKey.substring(apiKey.lastIndexOf('_') + 1));
    }

    private static String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(cluster.logs())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A virtual host of the local RabbitMQ used through a user of its own, both removed on close. */
    private record SecretUser(TestVhost vhost, String user, String password) implements BrokerVhost {

        static SecretUser create(String user, String password) {
            TestVhost vhost = TestVhost.create("secrets");
            TestVhost.rabbitmqctl("add_user", user, password);
            TestVhost.rabbitmqctl("set_permissions", "-p", vhost.name(), user, ".*", ".*", ".*");
            return new SecretUser(vhost, user, password);
        }

        @Override
        public String name() {
            return vhost.name();
        }

        @Override
        public String uri() {
            return "amqp://" + user + ":" + encoded(password) + "@127.0.0.1:5672/" + vhost.name();
        }

        @Override
        public String rabbitmqctl(String... args) {
            return TestVhost.rabbitmqctl(args);
        }

        @Override
        public void close() {
            try {
                TestVhost.rabbitmqctl("delete_user", user);
            } finally {
                vhost.close();
            }
        }

        @Override
        public String toString() {
            return "SecretUser[" + vhost.name() + ", " + user + "]";
        }
    }
}
