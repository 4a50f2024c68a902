package io.scatter.api.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scatter.api.workers.PeriodicTask;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobTypes;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every {@code scatter.metrics.refresh-interval}, reads what PostgreSQL holds into gauges: jobs by status, the
 * outbox's unsent rows and the age of the oldest, and the dead letters stored by job type (a counter: they are never
 * deleted; each known job type's from 0). A scrape reads the last values, never the database; while it cannot be
 * read they are NaN.
 */
@Component
class DatabaseMetrics extends PeriodicTask {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Map<JobStatus, AtomicReference<Double>> jobs = new EnumMap<>(JobStatus.class);
    private final AtomicReference<Double> outboxBacklog = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> outboxAge = new AtomicReference<>(Double.NaN);
    private final Map<String, AtomicReference<Double>> deadLetters = new ConcurrentHashMap<>();

    DatabaseMetrics(JdbcClient jdbc, MeterRegistry registry, JobTypes types, MetricsProperties properties) {
        super("scatter-database-metrics", properties.refreshInterval());
        this.jdbc = jdbc;
        this.registry = registry;
        for (JobStatus status : JobStatus.values()) {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            jobs.put(status, value);
            Gauge.builder("scatter.jobs", value, AtomicReference::get).tag("status", status.name())
                    .description("Jobs stored, by status").register(registry);
        }
        Gauge.builder("scatter.outbox.backlog", outboxBacklog, AtomicReference::get)
                .description("Outbox rows not yet confirmed by the broker (tasks and cancellations to publish)")
                .register(registry);
        Gauge.builder("scatter.outbox.oldest.age", outboxAge, AtomicReference::get).baseUnit("seconds")
                .description("Age of the oldest unsent outbox row; 0 when every row is sent").register(registry);
        types.names().forEach(this::deadLetters);
    }

    @Override
    protected void runOnce() {
        try {
            refresh();
        } catch (DataAccessException e) {
            jobs.values().forEach(value -> value.set(Double.NaN));
            outboxBacklog.set(Double.NaN);
            outboxAge.set(Double.NaN);
            throw e;
        }
    }

    private void refresh() {
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.sql("SELECT status, count(*) AS jobs FROM jobs GROUP BY status")
                .query(rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("jobs"));
                });
        jobs.forEach((status, value) -> value.set((double) byStatus.getOrDefault(status.name(), 0L)));
        jdbc.sql("""
                        SELECT count(*) AS unsent,
                               coalesce(extract(epoch FROM now() - min(created_at)), 0) AS age
                        FROM outbox WHERE sent_at IS NULL""")
                .query(rs -> {
                    outboxBacklog.set((double) rs.getLong("unsent"));
                    outboxAge.set(Math.max(0, rs.getDouble("age")));
                });
        jdbc.sql("SELECT coalesce(job_type, 'unknown') AS type, count(*) AS dead FROM dead_letters GROUP BY 1")
                .query(rs -> {
                    deadLetters(rs.getString("type")).set((double) rs.getLong("dead"));
                });
    }

    private AtomicReference<Double> deadLetters(String type) {
        return deadLetters.computeIfAbsent(type, named -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            FunctionCounter.builder("scatter.tasks.dead.lettered", value, AtomicReference::get).tag("type", named)
                    .description("Task messages dead-lettered and stored by the API, by job type")
                    .register(registry);
            return value;
        });
    }
}
