package io.scatter.cli;

import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.local.LocalRun;
import io.scatter.engine.local.LocalRunner;
import io.scatter.engine.local.ProgressListener;

import java.util.Map;
import java.util.function.Supplier;

/** {@link LocalJobs} on the engine's {@link LocalRunner}: in-memory transport and store, no broker, no database. */
final class EngineLocalJobs implements LocalJobs {

    private final Supplier<JobTypes> types;
    private volatile LocalRunner running;
    private volatile boolean cancelled;

    /** The job types on the class path, found when a job is run. */
    EngineLocalJobs() {
        this(JobTypes::load);
    }

    EngineLocalJobs(Supplier<JobTypes> types) {
        this.types = types;
    }

    @Override
    public LocalRun run(String type, Map<String, Object> input, Map<String, Object> options, int workers,
                        ProgressListener listener) throws InterruptedException {
        try (LocalRunner runner = new LocalRunner(types.get(), workers)) {
            running = runner;
            if (cancelled) {
                throw new InterruptedException("cancelled before the job started");
            }
            return runner.run(type, input, options, listener);
        } finally {
            running = null;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        LocalRunner runner = running;
        if (runner != null) {
            runner.cancel();
        }
    }
}
