package io.scatter.api.job;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpStatus;

/** An {@code Idempotency-Key} already used for a different request body; answered with 422. */
final class IdempotencyKeyReusedException extends ApiException {

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, IdempotencyKeys.HEADER, "this " + IdempotencyKeys.HEADER
                + " was already used for a different request; use a new key for a new job");
    }
}
