package io.scatter.api.problem;

import io.scatter.core.job.IllegalJobTransitionException;
import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.UnknownJobTypeException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Turns every exception a request can raise into an RFC 9457 {@code application/problem+json} answer. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> apiException(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.getMessage(), e.field());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).headers(headers -> e.headers().forEach(headers::set)).body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ExceptionHandler(UnknownJobTypeException.class)
    ResponseEntity<ProblemDetail> unknownJobType(UnknownJobTypeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "type");
    }

    @ExceptionHandler(IllegalJobTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalJobTransitionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT,
                "the job is already " + e.from() + " and cannot become " + e.to(), null);
        problem.setProperty("jobStatus", e.from().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "the query string cannot be decoded; percent-encode it as UTF-8", null);
    }

    /**
     * The database is unreachable or restarting. {@link TransactionSystemException} is a commit or rollback that
     * failed at the JDBC level — the connection died under the transaction (e.g. PostgreSQL restarted), and it
     * replaces the statement's own {@link DataAccessResourceFailureException}; a POST so answered may or may not have
     * committed, which a retry with the same Idempotency-Key settles.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Answering 503: the database is unavailable ({})", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "the database is unavailable; try again later", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged", null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, cause.getMessage(), "body"));
            }
            if (cause instanceof JacksonException json) {
                return ResponseEntity.badRequest()
                        .body(Problems.of(HttpStatus.BAD_REQUEST, Problems.invalidJson(json), "body"));
            }
        }
        String detail = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "a JSON request body is required"
                : "the request body cannot be read";
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, detail, "body"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ResponseEntity<Object> answer = super.handleHttpMediaTypeNotSupported(e, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            problem.setProperty(Problems.FIELD, HttpHeaders.CONTENT_TYPE);
        }
        return answer;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        return ResponseEntity.status(status).body(Problems.of(status, detail, field));
    }
}
