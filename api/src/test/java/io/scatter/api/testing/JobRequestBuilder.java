package io.scatter.api.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scatter.messaging.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds job submission bodies; starts from a small valid prime-count job. */
public final class JobRequestBuilder {

    private Object type = "prime-count";
    private final Map<String, Object> input = new LinkedHashMap<>();
    private Map<String, Object> options = new LinkedHashMap<>();

    private JobRequestBuilder() {
        input.put("from", 0);
        input.put("to", 10_000);
        options.put("algorithm", "sieve");
        options.put("tasks", 4);
    }

    /** Counting the primes in 0..10,000 in 4 sieve tasks. */
    public static JobRequestBuilder aPrimeCountJob() {
        return new JobRequestBuilder();
    }

    public JobRequestBuilder type(Object value) {
        type = value;
        return this;
    }

    public JobRequestBuilder from(Object value) {
        input.put("from", value);
        return this;
    }

    public JobRequestBuilder to(Object value) {
        input.put("to", value);
        return this;
    }

    public JobRequestBuilder tasks(Object value) {
        options.put("tasks", value);
        return this;
    }

    public JobRequestBuilder algorithm(Object value) {
        options.put("algorithm", value);
        return this;
    }

    public JobRequestBuilder withoutOptions() {
        options = null;
        return this;
    }

    public String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("input", input);
        if (options != null) {
            body.put("options", options);
        }
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return json();
    }
}
