package io.scatter.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.worker.TaskObserver;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's Prometheus metrics, fed by the {@link TaskObserver} of its task runner: tasks by type and outcome, the
 * duration of their computations by type and algorithm, numbers checked, tasks in flight, and the JVM's own metrics.
 * Made only when the worker serves HTTP, so that a worker without {@code --http-port} pays nothing for it.
 */
final class WorkerMetrics implements TaskObserver, AutoCloseable {

    /** Upper bounds of the task duration histogram's buckets, from a tiny task to one near its deadline. */
    static final Duration[] DURATION_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JobTypes types;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    WorkerMetrics(JobTypes types, String workerName) {
        this.types = types;
        registry.config().commonTags("worker", workerName);
        Gauge.builder("scatter.worker.tasks.in.flight", inFlight, AtomicInteger::get)
                .description("Tasks this worker holds: taken from the queue and not settled yet")
                .register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Every metric in the Prometheus text format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public Observation taskReceived(TaskDelivery delivery) {
        inFlight.incrementAndGet();
        return new TaskObservation(delivery.task());
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** The algorithm a task payload names, or {@code none}. */
    static String algorithm(TaskMessage task) {
        return task.payload().get("algorithm") instanceof String named && !named.isBlank() ? named : "none";
    }

    private long numbersChecked(TaskMessage task) {
        try {
            return Math.max(0, types.get(task.jobType()).numbersChecked(task.payload()));
        } catch (RuntimeException unknownTypeOrBadPayload) {
            return 0;
        }
    }

    /** One delivery: counted once when it settles. */
    private final class TaskObservation implements Observation {

        private final TaskMessage task;
        private final AtomicBoolean settled = new AtomicBoolean();

        TaskObservation(TaskMessage task) {
            this.task = task;
        }

        @Override
        public void computed(TaskMessage computed, Instant startedAt, Instant endedAt, Throwable failure,
                             boolean timedOut) {
            Timer.builder("scatter.worker.task.duration")
                    .description("How long the worker computed a task, by job type and algorithm")
                    .tags("type", computed.jobType(), "algorithm", algorithm(computed))
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry)
                    .record(Duration.between(startedAt, endedAt));
        }

        @Override
        public void settled(Settlement settlement, String reason) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            inFlight.decrementAndGet();
            Counter.builder("scatter.worker.tasks")
                    .description("Task deliveries this worker settled, by job type and outcome")
                    .tags("type", task.jobType(), "outcome", settlement.name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
            if (settlement == Settlement.SUCCEEDED) {
                Counter.builder("scatter.worker.numbers.checked")
                        .description("Numbers examined by the tasks this worker computed successfully, by job type")
                        .tags("type", task.jobType())
                        .register(registry)
                        .increment(numbersChecked(task));
            }
        }
    }
}
