package io.scatter.api.dalc;

import io.scatter.core.job.JobStatus;

/** The status of a dalc task, told from its job's: dalc knows only scheduled, completed and failed. */
enum DalcStatus {

    /** The job is QUEUED or RUNNING. */
    SCHEDULED,
    /** The job SUCCEEDED; the task has a result. */
    COMPLETED,
    /** The job FAILED or was CANCELLED; the task has an error message. */
    FAILED;

    static DalcStatus of(JobStatus status) {
        return switch (status) {
            case QUEUED, RUNNING -> SCHEDULED;
            case SUCCEEDED -> COMPLETED;
            case FAILED, CANCELLED -> FAILED;
        };
    }
}
