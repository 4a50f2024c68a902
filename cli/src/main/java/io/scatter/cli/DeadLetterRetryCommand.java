package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code dead-letters retry ID}: puts the dead-lettered task back on the queue and reopens the job it failed; prints
 * what happened in one line, e.g. {@code job 3f2a… RUNNING, tasks 0, 1, 2 queued again}.
 */
@Command(name = "retry",
        description = {"Put a dead-lettered task back on the queue: the job it failed is RUNNING again, with its failed "
                + "and cancelled tasks queued again.",
                "A dead letter already retried, or whose job SUCCEEDED, was CANCELLED or failed for another reason, "
                        + "is exit 2."},
        footerHeading = "%nExample:%n",
        footer = {"  scatter dead-letters retry 7c1e9a2b-5d4f-4e3a-8b2c-0d1e2f3a4b5c",
                "  job 3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f RUNNING, tasks 0, 1, 2 queued again"})
final class DeadLetterRetryCommand implements Callable<Integer> {

    private final CliContext context;

    @ParentCommand
    DeadLettersCommand deadLetters;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "ID", description = "the dead letter's id (see 'scatter dead-letters')")
    String id;

    @Mixin
    JsonOption output;

    DeadLetterRetryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String deadLetterId = check(id);
        JsonNode answer = context.api(deadLetters.scatter.server).retryDeadLetter(deadLetterId).body();
        if (output.json) {
            context.out().println(answer.toString());
            return ExitCodes.OK;
        }
        JsonNode job = answer.path("job");
        List<String> tasks = new ArrayList<>();
        answer.path("requeuedTasks").forEach(task -> tasks.add(task.asText()));
        String jobId = DeadLettersCommand.text(job, "id");
        if (jobId.equals("-")) {
            jobId = DeadLettersCommand.text(answer.path("deadLetter"), "jobId");
        }
        context.out().println("job " + jobId + " " + DeadLettersCommand.text(job, "status") + ", "
                + (tasks.isEmpty() ? "its task queued again"
                : (tasks.size() == 1 ? "task " : "tasks ") + String.join(", ", tasks) + " queued again"));
        return ExitCodes.OK;
    }

    private static String check(String text) throws UsageException {
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + text + "' is not a dead letter id (a UUID such as "
                    + "7c1e9a2b-5d4f-4e3a-8b2c-0d1e2f3a4b5c; see 'scatter dead-letters')");
        }
    }
}
