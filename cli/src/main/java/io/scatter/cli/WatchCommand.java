package io.scatter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code watch ID}: follows a job with a progress display until it ends, then reports it like submit --wait. */
@Command(name = "watch",
        description = {
                "Follow a job on the Scatter API until it ends: a progress bar on a terminal (tasks, percent, rate, "
                        + "ETA), then its answer on stdout. Exit codes as submit --wait."},
        footerHeading = "%nExample:%n",
        footer = "  scatter watch 3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f")
final class WatchCommand implements Callable<Integer> {

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "ID", description = "the job's id")
    String id;

    @Mixin
    JsonOption output;

    WatchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String jobId = JobIds.check(id);
        ApiClient api = context.api(scatter.server);
        return new ServerJobs(context, api).follow(api.job(jobId), output.json);
    }
}
