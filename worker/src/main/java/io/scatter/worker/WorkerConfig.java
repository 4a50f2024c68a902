package io.scatter.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * What a worker needs to run: where the broker is, how many tasks it computes at once, its name and how long
 * in-flight tasks may run on after it is asked to stop.
 */
public record WorkerConfig(String rabbitmqUri, int concurrency, String name, Duration grace) {

    public WorkerConfig {
        Objects.requireNonNull(rabbitmqUri, "rabbitmqUri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grace, "grace");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, not " + grace);
        }
    }

    /** The name a worker takes unless told otherwise: its host name and process id, e.g. {@code raspberrypi-4242}. */
    public static String defaultName() {
        return WorkerOptions.defaultName();
    }
}
