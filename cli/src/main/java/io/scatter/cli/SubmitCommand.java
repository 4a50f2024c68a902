package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/** {@code submit TYPE ...}: submits a job and prints its id, or with {@code --wait} its result once it is done. */
final class SubmitCommand implements Command {

    private final ApiClient api;
    private final JobWaiter waiter;
    private final ObjectMapper json;
    private final PrintStream out;
    private final PrintStream err;

    SubmitCommand(ApiClient api, JobWaiter waiter, ObjectMapper json, PrintStream out, PrintStream err) {
        this.api = api;
        this.waiter = waiter;
        this.json = json;
        this.out = out;
        this.err = err;
    }

    @Override
    public int run(Arguments arguments) throws UsageException, ApiException, UnreachableException,
            InterruptedException {
        boolean wait = arguments.flag("--wait");
        String idempotencyKey = arguments.take("--idempotency-key");
        ObjectNode request = SubmitRequest.from(arguments, json);
        arguments.rejectLeftovers("submit");
        ApiClient.Answer accepted = api.submit(request, idempotencyKey);
        String id = new JobView(accepted.body()).id();
        if (id == null) {
            throw new ApiException(0, "the Scatter API accepted the job but did not say its id", Optional.empty());
        }
        if (!wait) {
            out.println(id);
            return CliMain.OK;
        }
        JobView job = waiter.await(id, accepted.retryAfter());
        if ("SUCCEEDED".equals(job.status())) {
            out.println(resultText(job.result()));
            return CliMain.OK;
        }
        if ("FAILED".equals(job.status())) {
            err.println("job " + id + " failed: " + (job.error() == null ? "no reason given" : job.error()));
        } else {
            err.println("job " + id + " was " + job.status().toLowerCase(Locale.ROOT));
        }
        return CliMain.FAILED;
    }

    /** A result with one field as its bare value (e.g. {@code 78498}), any other result as compact JSON. */
    static String resultText(JsonNode result) {
        if (result.isObject() && result.size() == 1) {
            Iterator<JsonNode> values = result.elements();
            JsonNode value = values.next();
            return value.isTextual() ? value.asText() : value.toString();
        }
        return result.isMissingNode() || result.isNull() ? "{}" : result.toString();
    }
}
