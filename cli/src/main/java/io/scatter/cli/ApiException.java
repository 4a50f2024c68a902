package io.scatter.cli;

import java.time.Duration;
import java.util.Optional;

/** The API answered with an error status; the message is one line for the user. */
final class ApiException extends Exception {

    private final int status;
    private final String field;
    private final Optional<Duration> retryAfter;

    ApiException(int status, String message, String field, Optional<Duration> retryAfter) {
        super(message);
        this.status = status;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    /** The offending field the problem named (e.g. {@code input.from}), or null. */
    String field() {
        return field;
    }

    /** How long the server asked to wait before trying again, if it said. */
    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** A 503: the server is there but cannot answer right now. */
    boolean isTemporary() {
        return status == 503;
    }

    /** A 4xx: the request was wrong, as opposed to the server failing. */
    boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
