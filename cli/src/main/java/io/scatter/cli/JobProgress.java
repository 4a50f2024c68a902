package io.scatter.cli;

import io.scatter.engine.local.JobSnapshot;

/**
 * How far a job is, for a progress display.
 *
 * @param total   tasks in the job, 0 when not known yet
 * @param percent done as a whole percentage, -1 when not known
 */
record JobProgress(String id, String status, int done, int total, int percent) {

    static JobProgress of(JobSnapshot job) {
        JobSnapshot.Progress progress = job.progress();
        return new JobProgress(String.valueOf(job.id()), String.valueOf(job.status()),
                progress == null ? 0 : progress.tasksDone(), progress == null ? 0 : progress.tasksTotal(),
                progress == null ? -1 : progress.percent());
    }

    static JobProgress of(JobView job) {
        return new JobProgress(job.id() == null ? "?" : job.id(), job.status(), job.tasksDone().orElse(0),
                job.tasksTotal().orElse(0), job.percent().orElse(-1));
    }

    boolean isFinished() {
        return switch (status) {
            case "SUCCEEDED", "FAILED", "CANCELLED" -> true;
            default -> false;
        };
    }

    /** The first eight characters of the id, enough to tell jobs apart on screen. */
    String shortId() {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
