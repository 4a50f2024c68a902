package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.core.job.JobStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code jobs [--status S] [--limit N] [--cursor C]}: lists one page of jobs, newest first, as a table of id, type,
 * status, progress and creation time; says on stderr how to get the next page.
 */
@Command(name = "jobs",
        description = "List jobs on the Scatter API, newest first: id, type, status, progress, created.",
        footerHeading = "%nExample:%n",
        footer = "  scatter jobs --status RUNNING --limit 20")
final class JobsCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 100;

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    HelpOption help;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "only jobs in this status: QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED")
    String status;

    @Option(names = "--limit", paramLabel = "N", description = "at most N jobs, 1 to " + MAX_LIMIT + " (default 20)")
    String limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "the next page, as the previous page said")
    String cursor;

    @Mixin
    JsonOption output;

    JobsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String statusFilter = status(status);
        Long pageSize = limit == null ? null : (long) Integers.require("--limit", limit, 1, MAX_LIMIT);
        JsonNode page = context.api(scatter.server).jobs(statusFilter, pageSize, cursor).body();
        if (output.json) {
            context.out().println(page.toString());
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "TYPE", "STATUS", "PROGRESS", "CREATED");
        for (JsonNode document : Items.of(page, "items", "jobs", "content", "data")) {
            JobView job = new JobView(document);
            table.add(Table.orDash(job.id()), Table.orDash(job.type()), job.status(),
                    job.percent().isPresent() ? job.percent().getAsInt() + "%" : "-", Table.orDash(job.created()));
        }
        context.out().print(table.render());
        JsonNode next = page.path("nextCursor");
        if (next.isTextual() && !next.asText().isEmpty()) {
            context.err().println("more jobs: add --cursor " + next.asText());
        }
        return ExitCodes.OK;
    }

    private static String status(String text) throws UsageException {
        if (text == null) {
            return null;
        }
        try {
            return JobStatus.valueOf(text.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--status must be one of " + Arrays.stream(JobStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", got '" + text + "'");
        }
    }
}
