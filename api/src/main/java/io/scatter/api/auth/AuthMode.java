package io.scatter.api.auth;

import io.scatter.messaging.Settings.Option;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the HTTP API authenticates its callers ({@code --auth}, {@code SCATTER_AUTH}). */
public enum AuthMode {

    /** Every {@code /api/**} and {@code /tasks} request needs {@code Authorization: Bearer <API key>}. */
    API_KEY("api-key"),
    /** No authentication, for a trusted network: every request is {@link Caller#ANYONE}. */
    NONE("none");

    /** The flag and environment variable that choose the mode, for {@code scatter api} and {@code scatter serve}. */
    public static final Option OPTION = new Option("--auth", "SCATTER_AUTH", "api-key",
            "api-key (Authorization: Bearer <key>, keys from 'scatter keys create') or none (trusted network)");

    private final String value;

    AuthMode(String value) {
        this.value = value;
    }

    /** The mode named {@code value} as given on the command line, e.g. {@code api-key}. */
    public static AuthMode parse(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values())
                        .map(AuthMode::value).collect(Collectors.joining(", ")) + ", got '" + value + "'"));
    }

    public String value() {
        return value;
    }
}
