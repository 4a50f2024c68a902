package io.scatter.api.problem;

import java.io.IOException;

/** Thrown while reading a request body that grew past the configured limit; answered with 413. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
