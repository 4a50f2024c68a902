package io.scatter.api.problem;

import org.springframework.http.HttpStatus;

/** A request the API cannot read: a malformed body, header or query parameter; answered with 400. */
public final class BadRequestException extends ApiException {

    public BadRequestException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, field, detail);
    }
}
