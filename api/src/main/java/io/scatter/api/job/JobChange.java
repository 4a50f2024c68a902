package io.scatter.api.job;

import io.scatter.core.job.JobStatus;

import java.time.Instant;

/** What of a job an event stream sends it again for: its result and percent follow from these. */
record JobChange(JobStatus status, int tasksDone, Instant startedAt, Instant finishedAt, String error) {

    static JobChange of(JobDocument job) {
        return new JobChange(job.status(), job.progress().tasksDone(), job.startedAt(), job.finishedAt(), job.error());
    }
}
