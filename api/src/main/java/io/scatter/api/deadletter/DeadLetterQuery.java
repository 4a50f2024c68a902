package io.scatter.api.deadletter;

import io.scatter.api.job.JobIds;
import io.scatter.api.page.PageParameters;
import io.scatter.api.problem.BadRequestException;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Which page of the dead-letter list to show: optional job and status filters, a page size, and an optional keyset
 * cursor, the position (dead_lettered_at, id) of the last dead letter of the previous page.
 */
record DeadLetterQuery(UUID jobId, DeadLetterStatus status, int limit, Position after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final String CURSOR_VERSION = "d1";

    /** A dead letter's place in the newest-first order. */
    record Position(Instant deadLetteredAt, UUID id) {

        /** The opaque cursor that resumes the list after this position. */
        String toCursor() {
            return PageParameters.cursor(CURSOR_VERSION, new PageParameters.Keyset(deadLetteredAt, id));
        }
    }

    /** Reads the query parameters, throwing {@link BadRequestException} naming the parameter that does not fit. */
    static DeadLetterQuery of(String jobId, String status, String limit, String cursor) {
        return new DeadLetterQuery(jobId(jobId), status(status), PageParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT),
                cursor(cursor));
    }

    private static UUID jobId(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return JobIds.parse(text.trim()).orElseThrow(() -> new BadRequestException("jobId",
                "jobId must be a job id (a UUID), got '" + text + "'"));
    }

    private static DeadLetterStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return DeadLetterStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status", "status must be DEAD or RETRIED, got '" + text + "'");
        }
    }

    private static Position cursor(String cursor) {
        PageParameters.Keyset keyset = PageParameters.keyset(CURSOR_VERSION, cursor);
        return keyset == null ? null : new Position(keyset.at(), keyset.id());
    }
}
