package io.scatter.api.page;

import io.scatter.api.job.JobIds;
import io.scatter.api.problem.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The paging parameters every list of the API shares: {@code limit}, and an opaque keyset {@code cursor} holding the
 * (time, id) of the last item of the previous page; bad values answer 400 naming the parameter.
 */
public final class PageParameters {

    private PageParameters() {
    }

    /** A place in a newest-first list: the item's time and id. */
    public record Keyset(Instant at, UUID id) {
    }

    /** {@code text} as a page size within 1..{@code max}, or {@code defaultLimit} when absent. */
    public static int limit(String text, int defaultLimit, int max) {
        if (text == null || text.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("limit", "limit must be an integer between 1 and " + max + ", got '" + text
                + "'");
    }

    /** The opaque cursor for {@code keyset}, tagged with the list's {@code version}. */
    public static String cursor(String version, Keyset keyset) {
        String text = version + "|" + keyset.at() + "|" + keyset.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The keyset in {@code cursor}, or null when absent; a cursor of another list or version is a 400. */
    public static Keyset keyset(String version, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length == 3 && version.equals(parts[0])) {
                UUID id = JobIds.parse(parts[2]).orElseThrow(IllegalArgumentException::new);
                return new Keyset(Instant.parse(parts[1]), id);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw new BadRequestException("cursor", "cursor is not one this API handed out; "
                + "use the nextCursor of a previous page");
    }
}
