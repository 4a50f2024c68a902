package io.scatter.cli;

import io.scatter.core.job.JobStatus;
import io.scatter.engine.local.JobSnapshot;
import io.scatter.engine.local.LocalRun;
import io.scatter.engine.local.ProgressListener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Local mode in tests: records each run, reports the given progress, then ends the job as told — or throws what it was
 * told to, or waits until cancelled.
 */
final class FakeLocalJobs implements LocalJobs {

    static final UUID ID = UUID.fromString("5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d");
    static final Instant CREATED = Instant.parse("2026-11-25T16:00:00.123Z");

    record Call(String type, Map<String, Object> input, Map<String, Object> options, int workers) {
    }

    final List<Call> calls = new ArrayList<>();
    final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<int[]> progress = new ArrayList<>();
    private JobStatus status = JobStatus.SUCCEEDED;
    private Map<String, Object> result = Map.of("count", 78498L);
    private String error;
    private RuntimeException failure;
    private boolean untilCancelled;
    private int workersUsed = 2;

    /** Reports {@code done} of {@code total} tasks while running. */
    FakeLocalJobs progress(int done, int total) {
        progress.add(new int[]{done, total});
        return this;
    }

    FakeLocalJobs result(Map<String, Object> result) {
        this.result = result;
        return this;
    }

    FakeLocalJobs fails(String error) {
        this.status = JobStatus.FAILED;
        this.result = null;
        this.error = error;
        return this;
    }

    FakeLocalJobs cancelledByItself() {
        this.status = JobStatus.CANCELLED;
        this.result = null;
        return this;
    }

    /** Runs until {@link #cancel} is called, then ends CANCELLED. */
    FakeLocalJobs untilCancelled() {
        this.untilCancelled = true;
        return this;
    }

    /** Rejects every job before running it. */
    FakeLocalJobs throwing(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public LocalRun run(String type, Map<String, Object> input, Map<String, Object> options, int workers,
                        ProgressListener listener) throws InterruptedException {
        calls.add(new Call(type, input, options, workers));
        if (failure != null) {
            throw failure;
        }
        running.countDown();
        for (int[] step : progress) {
            listener.progress(snapshot(type, input, options, JobStatus.RUNNING, step[0], step[1], null, null));
        }
        if (untilCancelled) {
            if (!cancelled.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never cancelled");
            }
            return new LocalRun(snapshot(type, input, options, JobStatus.CANCELLED, 3, 10, null, null), workersUsed,
                    Duration.ofMillis(1500));
        }
        JobSnapshot end = snapshot(type, input, options, status, status == JobStatus.SUCCEEDED ? 10 : 3, 10,
                result, error);
        listener.progress(end);
        return new LocalRun(end, workersUsed, Duration.ofMillis(210));
    }

    @Override
    public void cancel() {
        cancelled.countDown();
    }

    static JobSnapshot snapshot(String type, Map<String, Object> input, Map<String, Object> options,
                                JobStatus status, int done, int total, Map<String, Object> result, String error) {
        return new JobSnapshot(ID, type, status, input, options, JobSnapshot.Progress.of(total, done), result, error,
                CREATED, CREATED.plusMillis(57), status.isFinal() ? CREATED.plusMillis(267) : null);
    }
}
