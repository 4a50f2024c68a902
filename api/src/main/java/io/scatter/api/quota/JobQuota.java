package io.scatter.api.quota;

import io.scatter.api.auth.Caller;
import io.scatter.core.jobtype.JobType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Holds each job to the per-job limits and each caller to its jobs-in-flight quota, before anything is stored. */
@Component
public class JobQuota {

    /** Seconds a caller at its jobs-in-flight quota is told to wait: jobs end at their own pace, not on a schedule. */
    static final long IN_FLIGHT_RETRY_AFTER_SECONDS = 5;

    private final QuotaProperties properties;
    private final JobsInFlight inFlight;
    private final QuotaRejections rejections;

    JobQuota(QuotaProperties properties, JobsInFlight inFlight, QuotaRejections rejections) {
        this.properties = properties;
        this.inFlight = inFlight;
        this.rejections = rejections;
    }

    /**
     * Checks a job split into {@code payloads} against the tasks-per-job and range-width limits.
     *
     * @throws JobTooLargeException when it is over one, which no amount of waiting changes
     */
    public void checkSize(JobType type, List<Map<String, Object>> payloads) {
        int tasksPerJob = properties.tasksPerJob();
        if (tasksPerJob > 0 && payloads.size() > tasksPerJob) {
            rejections.count(Limit.TASKS_PER_JOB);
            throw new JobTooLargeException(Limit.TASKS_PER_JOB, "options.tasks", tasksPerJob, payloads.size(),
                    "the job would have " + payloads.size() + " tasks; a job may have at most " + tasksPerJob
                            + ": ask for fewer tasks");
        }
        long rangeWidth = properties.rangeWidth();
        if (rangeWidth > 0) {
            long width = width(type, payloads);
            if (width > rangeWidth) {
                rejections.count(Limit.RANGE_WIDTH);
                throw new JobTooLargeException(Limit.RANGE_WIDTH, "input", rangeWidth, width, "the job would check "
                        + width + " numbers; a job may check at most " + rangeWidth + ": split it into smaller jobs");
            }
        }
    }

    /**
     * Admits one more job of {@code caller}, within the transaction that will insert it: its other submissions wait
     * for this transaction, so concurrent submissions never take it over its quota.
     *
     * @throws QuotaExceededException when the caller already has its quota of unfinished jobs
     */
    public void admit(Caller caller) {
        int quota = properties.jobsInFlight();
        if (quota == 0) {
            return;
        }
        long unfinished = inFlight.lockAndCount(caller, quota);
        if (unfinished >= quota) {
            rejections.count(Limit.JOBS_IN_FLIGHT);
            throw new QuotaExceededException(Limit.JOBS_IN_FLIGHT, quota, IN_FLIGHT_RETRY_AFTER_SECONDS,
                    Quotas.describe(caller) + " already has " + quota + " jobs queued or running, its quota; "
                            + "retry once one has ended, or cancel one");
        }
    }

    /** The numbers the job checks in all, saturating at {@link Long#MAX_VALUE}. */
    private static long width(JobType type, List<Map<String, Object>> payloads) {
        long width = 0;
        for (Map<String, Object> payload : payloads) {
            long numbers = Math.max(0, type.numbersChecked(payload));
            width = numbers > Long.MAX_VALUE - width ? Long.MAX_VALUE : width + numbers;
        }
        return width;
    }
}
