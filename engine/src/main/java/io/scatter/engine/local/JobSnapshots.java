package io.scatter.engine.local;

import io.scatter.engine.store.StoredJob;

/** Turns stored jobs into the documents clients see. */
final class JobSnapshots {

    private JobSnapshots() {
    }

    static JobSnapshot of(StoredJob job) {
        return new JobSnapshot(job.id(), job.type(), job.status(), job.input(), job.options(),
                JobSnapshot.Progress.of(job.tasksTotal(), job.tasksDone()), job.result(), job.error(),
                job.createdAt(), job.startedAt(), job.finishedAt());
    }
}
