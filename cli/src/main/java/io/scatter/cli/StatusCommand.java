package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code status ID}: prints the job's document as pretty JSON (compact with --json). */
@Command(name = "status",
        description = "Print a job of the Scatter API: status, progress, result, error and times, as JSON.",
        footerHeading = "%nExample:%n",
        footer = "  scatter status 3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f")
final class StatusCommand implements Callable<Integer> {

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "ID", description = "the job's id")
    String id;

    @Mixin
    JsonOption output;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String jobId = JobIds.check(id);
        JsonNode job = context.api(scatter.server).job(jobId).body();
        context.out().println(output.json ? job.toString()
                : context.json().writerWithDefaultPrettyPrinter().writeValueAsString(job));
        return ExitCodes.OK;
    }
}
