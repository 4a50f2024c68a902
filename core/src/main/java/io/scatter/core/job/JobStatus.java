package io.scatter.core.job;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The lifecycle of a job, with its table of legal transitions. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    private static final Map<JobStatus, Set<JobStatus>> LEGAL = Map.of(
            QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.noneOf(JobStatus.class),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    /** Whether a job in this status may move to {@code next}. */
    public boolean canMoveTo(JobStatus next) {
        return LEGAL.get(this).contains(next);
    }

    /** Whether no further transition is possible. */
    public boolean isFinal() {
        return LEGAL.get(this).isEmpty();
    }
}
