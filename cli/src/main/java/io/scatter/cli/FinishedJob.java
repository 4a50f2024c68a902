package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.engine.local.LocalRun;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A job that ended, local or on a server, and how a command reports it: the answer alone on stdout (or with
 * {@code --json} the job document), a summary line on stderr, and exit code 0 for SUCCEEDED, 1 otherwise with the
 * reason on stderr.
 *
 * @param workersUsed how many workers computed its tasks, when known (local mode)
 */
record FinishedJob(JobView job, Duration elapsed, OptionalInt workersUsed) {

    private static final int LONGEST_INPUT = 80;

    static FinishedJob local(LocalRun run) {
        return new FinishedJob(new JobView(LocalJobDocument.of(run.job())), run.elapsed(),
                OptionalInt.of(run.workersUsed()));
    }

    /** A job of a server, timed from its createdAt to its finishedAt when it says both, else by {@code waited}. */
    static FinishedJob remote(JobView job, Duration waited) {
        Duration elapsed = waited;
        try {
            if (job.created() != null && job.finished() != null) {
                elapsed = Duration.between(Instant.parse(job.created()), Instant.parse(job.finished()));
            }
        } catch (DateTimeParseException e) {
            elapsed = waited;
        }
        return new FinishedJob(job, elapsed, OptionalInt.empty());
    }

    /** Prints the outcome and returns the exit code. */
    int report(PrintStream out, PrintStream err, boolean asJson) {
        boolean succeeded = "SUCCEEDED".equals(job.status());
        if (asJson) {
            out.println(job.document().toString());
        } else if (succeeded) {
            out.println(ResultText.of(job.result()));
        }
        out.flush();
        if (!asJson) {
            err.println(summary());
        }
        if (succeeded) {
            return ExitCodes.OK;
        }
        if ("FAILED".equals(job.status())) {
            err.println("scatter: job " + job.id() + " failed: " + (job.error() == null ? "no reason given"
                    : job.error()));
        } else {
            err.println("scatter: job " + job.id() + " was " + job.status().toLowerCase(Locale.ROOT));
        }
        return ExitCodes.FAILED;
    }

    /** E.g. {@code prime-count from=0 to=1000000: SUCCEEDED in 0.21 s, 10 tasks, 2 workers}. */
    String summary() {
        StringBuilder line = new StringBuilder(job.type() == null ? "job" : job.type());
        String input = describe(job.input());
        if (!input.isEmpty()) {
            line.append(' ').append(input);
        }
        line.append(": ").append(job.status()).append(" in ").append(Durations.elapsed(elapsed));
        int total = job.tasksTotal().orElse(0);
        int done = job.tasksDone().orElse(0);
        line.append(", ").append(done == total ? String.valueOf(total) : done + "/" + total)
                .append(total == 1 ? " task" : " tasks");
        workersUsed.ifPresent(workers -> line.append(", ").append(workers).append(workers == 1 ? " worker"
                : " workers"));
        return line.toString();
    }

    /** An input object as {@code key=value} pairs, values that are not plain words as JSON, shortened. */
    static String describe(JsonNode input) {
        if (!input.isObject()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = input.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean plain = value.isNumber() || value.isBoolean()
                    || value.isTextual() && value.asText().matches("[\\w.,:/+-]+");
            text.append(text.length() == 0 ? "" : " ").append(field.getKey()).append('=')
                    .append(plain ? value.asText() : value.toString());
        }
        return text.length() > LONGEST_INPUT ? text.substring(0, LONGEST_INPUT - 1) + "…" : text.toString();
    }
}
