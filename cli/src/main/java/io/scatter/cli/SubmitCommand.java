package io.scatter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code submit TYPE ...}: submits a job and prints its id, or with {@code --wait} its answer once it is done. */
@Command(name = "submit",
        description = {
                "Submit a job to the Scatter API and print its id; with --wait, follow it like watch and print "
                        + "its answer."},
        customSynopsis = {
                "scatter submit TYPE [--from N] [--to N] [--algorithm NAME] [--tasks N]",
                "       [--KEY VALUE]... [--option KEY=VALUE]... [--input JSON] [--idempotency-key KEY]",
                "       [--wait] [--json] [--server URL]"},
        sortOptions = false,
        footerHeading = "%nExample:%n",
        footer = {
                "  scatter submit prime-count --from 0 --to 1000000 --tasks 10 --wait",
                "  78498"})
final class SubmitCommand implements Callable<Integer> {

    private static final String EXAMPLE = "scatter submit prime-count --from 0 --to 1000000";

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    JobArguments job;

    @Option(names = "--wait", description = "wait for the job to end; print its answer, exit 1 unless it SUCCEEDED")
    boolean wait;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "makes a retried submit answer the same job instead of a new one")
    String idempotencyKey;

    @Option(names = "--json", description = "print the job document (with --wait: the final one) instead")
    boolean json;

    @Mixin
    HelpOption help;

    SubmitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        JobRequest request = job.request(context.json(), EXAMPLE);
        ServerJobs server = new ServerJobs(context, context.api(scatter.server));
        ApiClient.Answer accepted = server.submit(request, idempotencyKey);
        if (wait) {
            return server.follow(accepted, json);
        }
        context.out().println(json ? accepted.body().toString() : new JobView(accepted.body()).id());
        return ExitCodes.OK;
    }
}
