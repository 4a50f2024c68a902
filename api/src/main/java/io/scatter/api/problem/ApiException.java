package io.scatter.api.problem;

import org.springframework.http.HttpStatus;

/** A failure the API answers with a problem document of its own status, optionally naming the offending field. */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    protected ApiException(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** The offending field (e.g. {@code limit}, {@code body}), or null when no single field is to blame. */
    public String field() {
        return field;
    }
}
