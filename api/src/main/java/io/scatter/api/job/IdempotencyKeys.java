package io.scatter.api.job;

import io.scatter.api.problem.BadRequestException;

/** Checks the {@code Idempotency-Key} header a client may send with a submission. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** {@code key} when it is a usable key, null when absent; throws for an empty, too long or non-ASCII key. */
    static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank()) {
            throw new BadRequestException(HEADER, HEADER + " must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw new BadRequestException(HEADER, HEADER + " must be at most " + MAX_LENGTH + " characters, got "
                    + key.length());
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new BadRequestException(HEADER, HEADER + " must be printable ASCII");
        }
        return key;
    }
}
