package io.scatter.api.job;

import io.scatter.api.problem.BadRequestException;
import io.scatter.core.job.JobStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Which page of the job list to show: an optional status filter, a page size, and an optional keyset cursor, the
 * position (created_at, id) of the last job of the previous page.
 */
record JobQuery(JobStatus status, int limit, Position after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final String CURSOR_VERSION = "v1";

    /** A job's place in the newest-first order. */
    record Position(Instant createdAt, UUID id) {

        /** The opaque cursor that resumes the list after this position. */
        String toCursor() {
            String text = CURSOR_VERSION + "|" + createdAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads the query parameters, throwing {@link BadRequestException} naming the parameter that does not fit. */
    static JobQuery of(String status, String limit, String cursor) {
        return new JobQuery(status(status), limit(limit), cursor(cursor));
    }

    private static JobStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return JobStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status", "status must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, "
                    + "CANCELLED, got '" + text + "'");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("limit", "limit must be an integer between 1 and " + MAX_LIMIT + ", got '"
                + text + "'");
    }

    private static Position cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length == 3 && CURSOR_VERSION.equals(parts[0])) {
                UUID id = JobIds.parse(parts[2]).orElseThrow(IllegalArgumentException::new);
                return new Position(Instant.parse(parts[1]), id);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw new BadRequestException("cursor", "cursor is not one this API handed out; "
                + "use the nextCursor of a previous page");
    }
}
