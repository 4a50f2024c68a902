package io.scatter.engine.local;

/** Told about a local job's progress: after it is accepted, after each task lands, and once when it ends. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = job -> { };

    void progress(JobSnapshot job);
}
