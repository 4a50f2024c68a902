package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.core.job.JobStatus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code jobs [--status S] [--limit N] [--cursor C]}: lists one page of jobs, newest first, as a table of id, type,
 * status, progress and creation time; says on stderr how to get the next page.
 */
final class JobsCommand implements Command {

    static final int MAX_LIMIT = 100;

    private final ApiClient api;
    private final PrintStream out;
    private final PrintStream err;

    JobsCommand(ApiClient api, PrintStream out, PrintStream err) {
        this.api = api;
        this.out = out;
        this.err = err;
    }

    @Override
    public int run(Arguments arguments) throws UsageException, ApiException, UnreachableException {
        String status = status(arguments.take("--status"));
        Long limit = arguments.takeInteger("--limit", 1, MAX_LIMIT);
        String cursor = arguments.take("--cursor");
        arguments.rejectLeftovers("jobs");
        JsonNode page = api.jobs(status, limit, cursor).body();
        Table table = new Table("ID", "TYPE", "STATUS", "PROGRESS", "CREATED");
        for (JsonNode document : jobs(page)) {
            JobView job = new JobView(document);
            table.add(orDash(job.id()), orDash(job.type()), job.status(),
                    job.percent().isPresent() ? job.percent().getAsInt() + "%" : "-", orDash(job.created()));
        }
        out.print(table.render());
        JsonNode next = page.path("nextCursor");
        if (next.isTextual() && !next.asText().isEmpty()) {
            err.println("more jobs: add --cursor " + next.asText());
        }
        return CliMain.OK;
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

    /** The job documents of a list answer: an array under items (or jobs, content, data), or a bare array. */
    private static List<JsonNode> jobs(JsonNode body) {
        JsonNode array = body;
        for (String name : new String[]{"items", "jobs", "content", "data"}) {
            if (!array.isArray() && body.path(name).isArray()) {
                array = body.path(name);
            }
        }
        List<JsonNode> jobs = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(jobs::add);
        }
        return jobs;
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
