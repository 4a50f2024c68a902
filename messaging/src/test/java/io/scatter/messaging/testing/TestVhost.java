package io.scatter.messaging.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of its own for one test class on the local broker, so tests never see each other's
 * messages; made and removed with {@code rabbitmqctl}.
 */
public final class TestVhost implements AutoCloseable {

    private static final String HOST = System.getProperty("scatter.test.rabbitmq.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("scatter.test.rabbitmq.port", 5672);

    private final String name;

    private TestVhost(String name) {
        this.name = name;
    }

    /** A new, empty virtual host named {@code scatter-test-<prefix>-<random>} that the guest user may use. */
    public static TestVhost create(String prefix) {
        String name = "scatter-test-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        rabbitmqctl("add_vhost", name);
        rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new TestVhost(name);
    }

    public String name() {
        return name;
    }

    /** The AMQP URI of this virtual host for the guest user. */
    public String uri() {
        return "amqp://guest:guest@" + HOST + ":" + PORT + "/" + name;
    }

    /** Runs {@code rabbitmqctl} with {@code args}; fails the test on a non-zero exit. */
    public static String rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.add("-q");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " timed out");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running rabbitmqctl", e);
        }
    }

    @Override
    public void close() {
        rabbitmqctl("delete_vhost", name);
    }
}
