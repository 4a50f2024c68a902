package io.scatter.api.job;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads job ids (and other UUID ids) from paths, strictly: only the canonical 36-character UUID form is an id. */
public final class JobIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private JobIds() {
    }

    /** The id in {@code text}, or empty when it is not a canonical UUID. */
    public static Optional<UUID> parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
