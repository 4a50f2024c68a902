package io.scatter.cli;

import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.UnknownJobTypeException;
import io.scatter.engine.local.LocalRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * {@code run TYPE ...}: runs one job and prints its answer. Without {@code --server} in local mode, on in-process
 * workers (no API, broker or database); with it, on that server (as {@code submit --wait}). Either way Ctrl-C cancels
 * the job, which then ends CANCELLED: exit code 1.
 */
@Command(name = "run",
        description = {
                "Run a job and print its answer on stdout, then a summary (time, tasks, workers) on stderr.",
                "Without --server in local mode: in-process workers, no API, broker or database. With --server: "
                        + "on that Scatter API, like submit --wait.",
                "Progress: a bar on a terminal, a plain line every second otherwise. Ctrl-C cancels the job "
                        + "(exit 1)."},
        customSynopsis = {
                "scatter run TYPE [--from N] [--to N] [--algorithm NAME] [--tasks N]",
                "       [--KEY VALUE]... [--option KEY=VALUE]... [--input JSON] [--workers N] [--json]",
                "       [--server URL]"},
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  scatter run prime-count --from 0 --to 1000000",
                "  78498                                                             (stdout)",
                "  prime-count from=0 to=1000000: SUCCEEDED in 0.05 s, 1 task, 1 worker   (stderr)",
                "  scatter run prime-count --from 0 --to 1000000000 --tasks 40 --workers 4 --json",
                "  scatter run expression --expression \"2^64\"                       (exact decimals)",
                "  scatter run pi-estimate --samples 100000000                      (Monte Carlo)"})
final class RunCommand implements Callable<Integer> {

    static final int MAX_WORKERS = 1000;
    static final String EXAMPLE = "scatter run prime-count --from 0 --to 1000000";

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    JobArguments job;

    @Option(names = "--workers", paramLabel = "N",
            description = "in-process workers, 1 to " + MAX_WORKERS + " (local mode; default: the number of cores)")
    String workers;

    @Option(names = "--json", description = "print the final job document (as GET /api/v1/jobs/{id}) instead")
    boolean json;

    @Mixin
    HelpOption help;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (scatter.server != null) {
            if (workers != null) {
                throw new UsageException("--workers applies to local mode only; drop it or --server");
            }
            return runOnServer(job.request(context.json(), EXAMPLE));
        }
        int count = workers == null ? Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors())
                : Integers.require("--workers", workers, 1, MAX_WORKERS);
        return runLocally(job.request(context.json(), EXAMPLE), count);
    }

    private int runOnServer(JobRequest request) throws Exception {
        ServerJobs server = new ServerJobs(context, context.api(scatter.server));
        ApiClient.Answer accepted = server.submit(request, null);
        String id = new JobView(accepted.body()).id();
        try (Interrupts.Registration ctrlC = context.interrupts().cancelOnInterrupt(() -> server.cancel(id))) {
            return server.follow(accepted, json);
        }
    }

    private int runLocally(JobRequest request, int count) throws UsageException {
        LocalJobs local = context.local();
        ProgressDisplay progress = context.progress();
        LocalRun run;
        try (Interrupts.Registration ctrlC = context.interrupts().cancelOnInterrupt(local::cancel)) {
            run = local.run(request.type(), request.inputMap(context.json()), request.optionsMap(context.json()),
                    count, snapshot -> progress.show(JobProgress.of(snapshot)));
        } catch (UnknownJobTypeException e) {
            throw new UsageException(e.getMessage());
        } catch (InvalidInputException e) {
            throw new UsageException(request.explain(e.field(), e.getMessage()));
        } catch (InterruptedException e) {
            progress.finish();
            context.err().println("scatter: cancelled");
            return ExitCodes.FAILED;
        } finally {
            progress.finish();
        }
        return FinishedJob.local(run).report(context.out(), context.err(), json);
    }
}
