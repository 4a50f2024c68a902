package io.scatter.cli;

import java.util.UUID;

/** Checks job ids on the command line before they reach the API. */
final class JobIds {

    private JobIds() {
    }

    /** {@code id} in canonical form when it is a UUID; a usage error otherwise. */
    static String check(String id) throws UsageException {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + id + "' is not a job id (a UUID such as "
                    + "3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f)");
        }
    }
}
