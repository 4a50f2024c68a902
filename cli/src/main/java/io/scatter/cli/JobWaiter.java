package io.scatter.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Polls a job until it has finished, honouring the server's Retry-After up to a cap and riding out a briefly
 * unavailable server, and shows its progress.
 */
final class JobWaiter {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration MAX_UNAVAILABLE = Duration.ofSeconds(30);

    private final ApiClient api;
    private final ProgressDisplay progress;

    JobWaiter(ApiClient api, ProgressDisplay progress) {
        this.api = api;
        this.progress = progress;
    }

    /**
     * The job's document once its status is final, starting from a document already fetched ({@code first}, which
     * has the job's id); the first poll waits for {@code firstRetryAfter} (capped).
     */
    JobView await(JobView first, Optional<Duration> firstRetryAfter)
            throws ApiException, UnreachableException, InterruptedException {
        String jobId = first.id();
        Optional<Duration> retryAfter = firstRetryAfter;
        Instant unavailableSince = null;
        try {
            progress.show(JobProgress.of(first));
            if (first.isFinished()) {
                return first;
            }
            while (true) {
                Thread.sleep(delay(retryAfter).toMillis());
                ApiClient.Answer answer;
                try {
                    answer = api.job(jobId);
                } catch (ApiException e) {
                    unavailableSince = unavailableSince == null ? Instant.now() : unavailableSince;
                    if (!e.isTemporary() || Instant.now().isAfter(unavailableSince.plus(MAX_UNAVAILABLE))) {
                        throw e;
                    }
                    retryAfter = e.retryAfter();
                    continue;
                }
                unavailableSince = null;
                retryAfter = answer.retryAfter();
                JobView job = new JobView(answer.body());
                progress.show(JobProgress.of(job));
                if (job.isFinished()) {
                    return job;
                }
            }
        } finally {
            progress.finish();
        }
    }

    /** Retry-After capped at a second, or the usual polling interval when the server did not say. */
    static Duration delay(Optional<Duration> retryAfter) {
        return retryAfter
                .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait)
                .filter(wait -> !wait.isZero())
                .orElse(POLL_INTERVAL);
    }
}
