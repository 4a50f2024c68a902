package io.scatter.cli;

import io.scatter.engine.local.LocalRun;
import io.scatter.engine.local.ProgressListener;

import java.util.Map;

/** Local mode as {@code run} needs it: one job on in-process workers, and a way to stop it. */
interface LocalJobs {

    /**
     * Runs one job on {@code workers} in-process workers and returns once it ended (SUCCEEDED, FAILED or CANCELLED).
     *
     * @throws io.scatter.core.jobtype.UnknownJobTypeException before anything runs, when no job type has that name
     * @throws io.scatter.core.jobtype.InvalidInputException   before anything runs, naming the field that is wrong
     * @throws InterruptedException                            when cancelled before the job started
     */
    LocalRun run(String type, Map<String, Object> input, Map<String, Object> options, int workers,
                 ProgressListener listener) throws InterruptedException;

    /** Asks the job being run to stop; {@link #run} then returns it CANCELLED. Safe from any thread. */
    void cancel();
}
