package io.scatter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code cancel ID}: cancels the job and prints its status afterwards, e.g. {@code CANCELLED}. */
@Command(name = "cancel",
        description = "Cancel a job on the Scatter API and print its new status; a job that already ended is exit 2.",
        footerHeading = "%nExample:%n",
        footer = {"  scatter cancel 3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f", "  CANCELLED"})
final class CancelCommand implements Callable<Integer> {

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "ID", description = "the job's id")
    String id;

    @Mixin
    JsonOption output;

    CancelCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String jobId = JobIds.check(id);
        ApiClient api = context.api(scatter.server);
        JobView answer = new JobView(api.cancel(jobId).body());
        JobView job = answer.document().path("status").isTextual() ? answer : new JobView(api.job(jobId).body());
        context.out().println(output.json ? job.document().toString() : job.status());
        return ExitCodes.OK;
    }
}
