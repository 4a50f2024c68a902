package io.scatter.api.log;

import org.slf4j.MDC;

/** Tags the log lines about one job with its id, as the MDC field {@code job_id} that every Scatter process uses. */
public final class JobLogContext implements AutoCloseable {

    /** The MDC key of the job id, the same in the API's and the workers' logs. */
    public static final String JOB_ID = "job_id";

    private final String outer;

    private JobLogContext(String outer) {
        this.outer = outer;
    }

    /** Puts {@code jobId} in the MDC of this thread until {@link #close()}, which brings back what was there before. */
    public static JobLogContext of(Object jobId) {
        String outer = MDC.get(JOB_ID);
        MDC.put(JOB_ID, String.valueOf(jobId));
        return new JobLogContext(outer);
    }

    @Override
    public void close() {
        if (outer == null) {
            MDC.remove(JOB_ID);
        } else {
            MDC.put(JOB_ID, outer);
        }
    }
}
