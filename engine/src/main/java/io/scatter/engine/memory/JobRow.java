package io.scatter.engine.memory;

import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredJob;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One job as the in-memory store keeps it: an immutable row, replaced whole on every save. */
record JobRow(UUID id, JobType type, JobDefinition definition, int tasksTotal, JobStatus status, int tasksDone,
              Map<String, Object> partialResult, String error, Instant createdAt, Instant startedAt,
              Instant finishedAt) {

    static JobRow of(NewJob accepted) {
        return of(accepted.job(), accepted.definition(), accepted.createdAt());
    }

    static JobRow of(Job job, JobDefinition definition, Instant createdAt) {
        return new JobRow(job.id(), job.type(), definition, job.tasksTotal(), job.status(), job.tasksDone(),
                job.partialResult(), job.error(), createdAt, job.startedAt(), job.finishedAt());
    }

    /** A fresh aggregate with this row's state. */
    Job toJob() {
        return Job.restore(id, type, tasksTotal, status, tasksDone, partialResult, error, startedAt, finishedAt);
    }

    StoredJob toStoredJob() {
        return new StoredJob(id, type.name(), status, definition.input(), definition.options(), tasksTotal, tasksDone,
                status == JobStatus.SUCCEEDED ? partialResult : null, error, createdAt, startedAt, finishedAt);
    }
}
