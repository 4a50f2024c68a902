package io.scatter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What every command works with: the environment, stdout and stderr, whether a person watches a terminal, the JSON
 * mapper, local mode, Ctrl-C handling and a clock.
 *
 * @param terminal whether stderr is a terminal, so progress may be drawn as a bar redrawn in place
 */
record CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                  ObjectMapper json, LocalJobs local, Interrupts interrupts, LongSupplier nanoTime) {

    static final String DEFAULT_SERVER = "http://127.0.0.1:8080";
    static final String SERVER_VARIABLE = "SCATTER_SERVER";
    /** The API key sent as {@code Authorization: Bearer}; none when unset or empty (an API with {@code --auth none}). */
    static final String API_KEY_VARIABLE = "SCATTER_API_KEY";

    /** How progress is shown on stderr. */
    ProgressDisplay progress() {
        return ProgressDisplay.on(err, terminal, nanoTime);
    }

    /**
     * A client of the API at {@code --server} (when given), else SCATTER_SERVER, else the default, sending the key in
     * SCATTER_API_KEY.
     */
    ApiClient api(String serverFlag) throws UsageException {
        String text = serverFlag != null ? serverFlag : environment.getOrDefault(SERVER_VARIABLE, DEFAULT_SERVER);
        String source = serverFlag != null ? "--server" : SERVER_VARIABLE;
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = new URI(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                String key = environment.getOrDefault(API_KEY_VARIABLE, "").trim();
                return new ApiClient(uri, key.isEmpty() ? null : key, json);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(source + " must be an http:// or https:// URL, got '" + text + "'");
    }
}
