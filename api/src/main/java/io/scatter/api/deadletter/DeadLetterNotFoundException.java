package io.scatter.api.deadletter;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpStatus;

/** No dead letter has the requested id (or the id is not a UUID at all); answered with 404. */
final class DeadLetterNotFoundException extends ApiException {

    DeadLetterNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, null, "no dead letter has the id '" + id + "'");
    }
}
