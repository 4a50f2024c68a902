package io.scatter.cli;

import java.io.PrintStream;

/** {@code cancel ID}: cancels the job and prints its status afterwards, e.g. {@code CANCELLED}. */
final class CancelCommand implements Command {

    private final ApiClient api;
    private final PrintStream out;

    CancelCommand(ApiClient api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    @Override
    public int run(Arguments arguments) throws UsageException, ApiException, UnreachableException {
        String id = JobIds.take(arguments);
        arguments.rejectLeftovers("cancel");
        JobView answer = new JobView(api.cancel(id).body());
        JobView job = answer.document().path("status").isTextual() ? answer : new JobView(api.job(id).body());
        out.println(job.status());
        return CliMain.OK;
    }
}
