package io.scatter.api.quota;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A job larger than a per-job limit (tasks, range width): it would never be accepted however long the caller waited,
 * so it is answered with 422 and no Retry-After.
 */
public final class JobTooLargeException extends ApiException {

    JobTooLargeException(Limit limit, String field, long quota, long requested, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, field, detail,
                Map.of("limit", limit.label(), "quota", quota, "requested", requested));
    }
}
