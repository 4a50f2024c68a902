package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code dead-letters [--job ID] [--status S] [--limit N] [--cursor C]}: lists one page of dead-lettered tasks, newest
 * first, as a table; says on stderr how to get the next page. {@code dead-letters retry ID} puts one back
 * ({@link DeadLetterRetryCommand}).
 */
@Command(name = "dead-letters",
        description = {"List the dead-lettered tasks of the Scatter API, newest first: id, job, task, reason, "
                + "attempts, worker, when, status.",
                "A task is dead-lettered when no worker can compute it (rejected, malformed, or delivered too often); "
                        + "its job is FAILED. Put it back with 'scatter dead-letters retry ID'."},
        synopsisSubcommandLabel = "[COMMAND]",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  scatter dead-letters --job 3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f",
                "  scatter dead-letters retry 7c1e9a2b-5d4f-4e3a-8b2c-0d1e2f3a4b5c"})
final class DeadLettersCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 100;
    /** Reasons longer than this are cut in the table (--json has them whole). */
    static final int MAX_REASON = 60;

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    HelpOption help;

    @Option(names = "--job", paramLabel = "ID", description = "only the dead letters of this job")
    String job;

    @Option(names = "--status", paramLabel = "STATUS", description = "only dead letters in this status: DEAD or RETRIED")
    String status;

    @Option(names = "--limit", paramLabel = "N", description = "at most N dead letters, 1 to " + MAX_LIMIT
            + " (default 20)")
    String limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "the next page, as the previous page said")
    String cursor;

    @Mixin
    JsonOption output;

    DeadLettersCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String jobId = job == null ? null : JobIds.check(job);
        String statusFilter = status(status);
        Long pageSize = limit == null ? null : (long) Integers.require("--limit", limit, 1, MAX_LIMIT);
        JsonNode page = context.api(scatter.server).deadLetters(jobId, statusFilter, pageSize, cursor).body();
        if (output.json) {
            context.out().println(page.toString());
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "JOB", "TASK", "REASON", "ATTEMPTS", "WORKER", "DEAD-LETTERED AT", "STATUS");
        for (JsonNode letter : Items.of(page, "items", "deadLetters")) {
            table.add(text(letter, "id"), text(letter, "jobId"), text(letter, "taskIndex"),
                    shorten(text(letter, "reason")), text(letter, "attempts"), text(letter, "worker"),
                    text(letter, "deadLetteredAt"), text(letter, "status"));
        }
        context.out().print(table.render());
        JsonNode next = page.path("nextCursor");
        if (next.isTextual() && !next.asText().isEmpty()) {
            context.err().println("more dead letters: add --cursor " + next.asText());
        }
        return ExitCodes.OK;
    }

    /** The field {@code name} of {@code letter} as text, else a dash. */
    static String text(JsonNode letter, String name) {
        JsonNode value = letter.path(name);
        return value.isValueNode() && !value.isNull() ? Table.orDash(value.asText()) : "-";
    }

    private static String shorten(String reason) {
        String line = reason.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON - 1) + "…" : line;
    }

    private static String status(String text) throws UsageException {
        if (text == null) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (!upper.equals("DEAD") && !upper.equals("RETRIED")) {
            throw new UsageException("--status must be DEAD or RETRIED, got '" + text + "'");
        }
        return upper;
    }
}
