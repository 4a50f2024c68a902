package io.scatter.worker;

import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.LogFormat;
import io.scatter.messaging.transport.TaskAdmission;

import java.time.Duration;
import java.util.Objects;

/**
 * What a worker needs to run: where the broker is, how many tasks it computes at once, its name, how long in-flight
 * tasks may run on after it is asked to stop, how often it sends a heartbeat, where its job-type plug-ins are
 * (see {@link io.scatter.core.jobtype.JobTypes#load(String)}; blank: none), and how many tasks it holds at most
 * (computing, waiting for a thread, or waiting for their result's confirm; at least {@code concurrency}), how its
 * process writes log lines, where it serves its metrics and health probes ({@link HttpEndpoint#NONE}: nowhere), and
 * which task messages it reads at all (their size, their signature).
 */
public record WorkerConfig(String rabbitmqUri, int concurrency, String name, Duration grace, Duration heartbeat,
                           String plugins, int prefetch, LogFormat logFormat, HttpEndpoint http,
                           TaskAdmission admission) {

    /** How often a worker sends a heartbeat unless told otherwise. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);

    public WorkerConfig {
        Objects.requireNonNull(rabbitmqUri, "rabbitmqUri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(admission, "admission");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (prefetch < concurrency) {
            throw new IllegalArgumentException("prefetch must be at least the concurrency " + concurrency + ", not "
                    + prefetch);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, not " + grace);
        }
        if (heartbeat.isZero() || heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must be positive, not " + heartbeat);
        }
    }

    /** This configuration with the broker password hidden, so that logging it never prints the password. */
    @Override
    public String toString() {
        return "WorkerConfig[rabbitmqUri=" + BrokerConnection.redact(rabbitmqUri) + ", concurrency=" + concurrency
                + ", name=" + name + ", grace=" + grace + ", heartbeat=" + heartbeat + ", plugins=" + plugins
                + ", prefetch=" + prefetch + ", logFormat=" + logFormat + ", http=" + http + ", admission=" + admission
                + "]";
    }

    /** A configuration admitting tasks by {@link TaskAdmission#DEFAULTS} (64 KiB, no signatures). */
    public WorkerConfig(String rabbitmqUri, int concurrency, String name, Duration grace, Duration heartbeat,
                        String plugins, int prefetch, LogFormat logFormat, HttpEndpoint http) {
        this(rabbitmqUri, concurrency, name, grace, heartbeat, plugins, prefetch, logFormat, http,
                TaskAdmission.DEFAULTS);
    }

    /** A configuration logging readable text, without an HTTP server. */
    public WorkerConfig(String rabbitmqUri, int concurrency, String name, Duration grace, Duration heartbeat,
                        String plugins, int prefetch) {
        this(rabbitmqUri, concurrency, name, grace, heartbeat, plugins, prefetch, LogFormat.TEXT, HttpEndpoint.NONE);
    }

    /** A configuration with the {@linkplain #defaultPrefetch(int) default prefetch}. */
    public WorkerConfig(String rabbitmqUri, int concurrency, String name, Duration grace, Duration heartbeat,
                        String plugins) {
        this(rabbitmqUri, concurrency, name, grace, heartbeat, plugins, defaultPrefetch(concurrency));
    }

    /** A configuration without plug-ins. */
    public WorkerConfig(String rabbitmqUri, int concurrency, String name, Duration grace, Duration heartbeat) {
        this(rabbitmqUri, concurrency, name, grace, heartbeat, "");
    }

    /** A configuration with the {@linkplain #DEFAULT_HEARTBEAT default heartbeat interval}, without plug-ins. */
    public WorkerConfig(String rabbitmqUri, int concurrency, String name, Duration grace) {
        this(rabbitmqUri, concurrency, name, grace, DEFAULT_HEARTBEAT);
    }

    /**
     * How many tasks a worker computing {@code concurrency} at once holds unless told otherwise: as many, so that a task
     * that kills its worker takes as few others back to the queue with it, and none waits behind a long one.
     */
    public static int defaultPrefetch(int concurrency) {
        return concurrency;
    }

    /** The name a worker takes unless told otherwise: its host name and process id, e.g. {@code raspberrypi-4242}. */
    public static String defaultName() {
        return WorkerOptions.defaultName();
    }
}
