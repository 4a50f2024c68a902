package io.scatter.engine.local;

import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.ResultOutcome;
import io.scatter.engine.store.StoredJob;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Follows one local run: tells its listener of acceptance, of each applied result and of the end, one call at a
 * time and never after the end, and wakes the waiting run when the job ended or a cancel was asked for.
 */
final class RunTracker {

    private static final System.Logger log = System.getLogger(RunTracker.class.getName());

    private final UUID jobId;
    private final ProgressListener listener;
    private final CountDownLatch wake = new CountDownLatch(1);
    private volatile boolean cancelRequested;
    private boolean accepted;
    private boolean finished;

    RunTracker(UUID jobId, ProgressListener listener) {
        this.jobId = jobId;
        this.listener = listener;
    }

    UUID jobId() {
        return jobId;
    }

    /** Submits the job and tells the listener it was accepted; no applied result is reported before that. */
    synchronized void accept(Supplier<StoredJob> submission) {
        StoredJob job = submission.get();
        accepted = true;
        tell(job);
    }

    /** Reports a result applied to this run's job; wakes the run if it ended the job. */
    synchronized void applied(Aggregation aggregation) {
        if (aggregation.outcome() != ResultOutcome.APPLIED || aggregation.job() == null
                || !aggregation.job().id().equals(jobId) || !accepted || finished) {
            return;
        }
        tell(aggregation.job());
        if (aggregation.job().status().isFinal()) {
            wake.countDown();
        }
    }

    /** Reports the job's end, once; later calls of any kind tell the listener nothing. */
    synchronized void finished(StoredJob job) {
        if (!finished) {
            finished = true;
            tell(job);
        }
    }

    void requestCancel() {
        cancelRequested = true;
        wake.countDown();
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Waits up to {@code timeout} for the job's end or a cancel request; true if woken. */
    boolean await(Duration timeout) throws InterruptedException {
        return wake.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void tell(StoredJob job) {
        try {
            listener.progress(JobSnapshots.of(job));
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "A progress listener failed", e);
        }
    }
}
