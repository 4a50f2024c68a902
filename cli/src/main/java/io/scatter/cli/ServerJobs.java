package io.scatter.cli;

import java.time.Duration;
import java.util.Optional;

/** Jobs on a Scatter API: submitting one (input errors naming the flag) and following one until it ends. */
final class ServerJobs {

    private final CliContext context;
    private final ApiClient api;

    ServerJobs(CliContext context, ApiClient api) {
        this.context = context;
        this.api = api;
    }

    /** POST /api/v1/jobs; the answer carries the accepted job. A rejected input field is a usage error naming it. */
    ApiClient.Answer submit(JobRequest request, String idempotencyKey)
            throws UsageException, ApiException, UnreachableException, InterruptedException {
        ApiClient.Answer accepted;
        try {
            accepted = api.submit(request.body(context.json()), idempotencyKey);
        } catch (ApiException e) {
            if (e.isClientError() && request.flagFor(e.field()) != null) {
                throw new UsageException(request.explain(e.field(), e.getMessage()));
            }
            if (e.isClientError() && "type".equals(e.field())) {
                throw new UsageException(e.getMessage().replaceFirst("^type: ", ""));
            }
            throw e;
        }
        if (new JobView(accepted.body()).id() == null) {
            throw new ApiException(0, "the Scatter API accepted the job but did not say its id", null,
                    Optional.empty());
        }
        return accepted;
    }

    /** Asks the API to cancel the job (on Ctrl-C); whatever it answers, the job's end is read by {@link #follow}. */
    void cancel(String id) {
        try {
            api.cancel(id);
        } catch (ApiException | UnreachableException e) {
            context.err().println("scatter: could not cancel job " + id + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls the job until it ends, showing progress, and reports it; the exit code. */
    int follow(ApiClient.Answer first, boolean asJson)
            throws ApiException, UnreachableException, InterruptedException {
        long start = context.nanoTime().getAsLong();
        JobView end = new JobWaiter(api, context.progress()).await(new JobView(first.body()), first.retryAfter());
        Duration waited = Duration.ofNanos(context.nanoTime().getAsLong() - start);
        return FinishedJob.remote(end, waited).report(context.out(), context.err(), asJson);
    }
}
