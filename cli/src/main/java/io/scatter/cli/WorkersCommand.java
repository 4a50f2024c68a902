package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * {@code workers}: lists the workers the API knows of (GET /api/v1/workers): name, status, concurrency, tasks done and
 * when each was last seen. A server without that endpoint (404) is one line and exit 1.
 */
@Command(name = "workers",
        description = "List the workers of the Scatter API: name, status, concurrency, tasks done, last seen.",
        footerHeading = "%nExample:%n",
        footer = "  scatter workers --server http://head-node:8080")
final class WorkersCommand implements Callable<Integer> {

    static final String NO_ENDPOINT = "this server has no " + ApiClient.WORKERS + " endpoint";

    private final CliContext context;

    @ParentCommand
    ScatterCommand scatter;

    @Mixin
    HelpOption help;

    @Mixin
    JsonOption output;

    WorkersCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode page;
        try {
            page = context.api(scatter.server).workers().body();
        } catch (ApiException e) {
            if (e.status() == 404) {
                context.err().println("scatter: " + NO_ENDPOINT);
                return ExitCodes.FAILED;
            }
            throw e;
        }
        if (output.json) {
            context.out().println(page.toString());
            return ExitCodes.OK;
        }
        Table table = new Table("NAME", "STATUS", "CONCURRENCY", "TASKS DONE", "LAST SEEN");
        for (JsonNode worker : Items.of(page, "items", "workers")) {
            table.add(first(worker, "name", "id"), first(worker, "status", "state"), first(worker, "concurrency"),
                    first(worker, "tasksDone", "tasksCompleted"), first(worker, "lastSeenAt", "lastSeen"));
        }
        context.out().print(table.render());
        return ExitCodes.OK;
    }

    /** The first of the named fields that {@code worker} has, as text, else a dash. */
    private static String first(JsonNode worker, String... names) {
        for (String name : names) {
            JsonNode value = worker.path(name);
            if (value.isValueNode() && !value.isNull()) {
                return Table.orDash(value.asText());
            }
        }
        return "-";
    }
}
