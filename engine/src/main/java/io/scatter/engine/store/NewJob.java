package io.scatter.engine.store;

import io.scatter.core.job.Job;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A job just accepted, to be stored QUEUED with one QUEUED task per payload.
 *
 * @param payloads the task payloads, task {@code i} computing {@code payloads.get(i)}
 */
public record NewJob(UUID id, JobType type, JobDefinition definition, List<Map<String, Object>> payloads,
                     Instant createdAt) {

    public NewJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        payloads = List.copyOf(payloads);
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("a job has at least one task");
        }
    }

    /** The aggregate of this job as accepted. */
    public Job job() {
        return Job.queued(id, type, payloads.size());
    }
}
