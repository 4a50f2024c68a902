package io.scatter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;

/** {@code status ID}: prints the job's document as pretty JSON. */
final class StatusCommand implements Command {

    private final ApiClient api;
    private final ObjectMapper json;
    private final PrintStream out;

    StatusCommand(ApiClient api, ObjectMapper json, PrintStream out) {
        this.api = api;
        this.json = json;
        this.out = out;
    }

    @Override
    public int run(Arguments arguments) throws UsageException, ApiException, UnreachableException {
        String id = JobIds.take(arguments);
        arguments.rejectLeftovers("status");
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(api.job(id).body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written", e);
        }
        return CliMain.OK;
    }
}
