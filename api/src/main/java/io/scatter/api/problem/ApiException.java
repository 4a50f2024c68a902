package io.scatter.api.problem;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A failure the API answers with a problem document of its own status, optionally naming the offending field and
 * carrying further members (e.g. {@code jobStatus}).
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final Map<String, Object> properties;
    private final Map<String, String> headers;

    protected ApiException(HttpStatus status, String field, String detail) {
        this(status, field, detail, Map.of());
    }

    protected ApiException(HttpStatus status, String field, String detail, Map<String, Object> properties) {
        this(status, field, detail, properties, Map.of());
    }

    protected ApiException(HttpStatus status, String field, String detail, Map<String, Object> properties,
                           Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.field = field;
        this.properties = Map.copyOf(properties);
        this.headers = Map.copyOf(headers);
    }

    /** Further members of the problem document, e.g. {@code jobStatus}; empty when there are none. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** Headers of the answer, e.g. {@code Retry-After}; empty when there are none. */
    public Map<String, String> headers() {
        return headers;
    }

    public HttpStatus status() {
        return status;
    }

    /** The offending field (e.g. {@code limit}, {@code body}), or null when no single field is to blame. */
    public String field() {
        return field;
    }
}
