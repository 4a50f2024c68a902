package io.scatter.core.job;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a job, with its table of legal transitions and the statuses in which a job has ended.
 *
 * <p>A job ends SUCCEEDED, FAILED or CANCELLED; no task result changes it after that. Only FAILED leads on: a retry
 * of the dead-lettered task that failed the job reopens it (FAILED to RUNNING, see {@code Job#retry}). SUCCEEDED and
 * CANCELLED lead nowhere.
 */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    private static final Map<JobStatus, Set<JobStatus>> LEGAL = Map.of(
            QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.of(RUNNING),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    /** The statuses of a job that has ended: results are ignored, and only a retry reopens a FAILED one. */
    private static final Set<JobStatus> ENDED = EnumSet.of(SUCCEEDED, FAILED, CANCELLED);

    /** Whether a job in this status may move to {@code next}. */
    public boolean canMoveTo(JobStatus next) {
        return LEGAL.get(this).contains(next);
    }

    /**
     * Whether the job has ended (SUCCEEDED, FAILED or CANCELLED): no task result changes it any more. A FAILED job
     * can still be reopened by a retry ({@link #canMoveTo} RUNNING); the others lead nowhere.
     */
    public boolean isFinal() {
        return ENDED.contains(this);
    }
}
