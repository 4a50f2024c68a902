package io.scatter.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Runs one command line: picks the server and the command, runs it, and turns every failure into one line on stderr
 * and an exit code.
 */
final class Cli {

    static final String DEFAULT_SERVER = "http://127.0.0.1:8080";
    static final String SERVER_VARIABLE = "SCATTER_SERVER";

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** {@code interactive} says stderr is a terminal, so {@code submit --wait} may draw a progress bar there. */
    Cli(Map<String, String> environment, PrintStream out, PrintStream err, boolean interactive) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    int run(String[] args) {
        try {
            Arguments arguments = Arguments.parse(args);
            String server = arguments.take("--server");
            boolean help = arguments.flag("--help");
            String name = arguments.command();
            if (help || "help".equals(name)) {
                out.print(Usage.TEXT);
                return CliMain.OK;
            }
            if (name == null) {
                throw new UsageException("missing command");
            }
            return command(name, new ApiClient(serverUri(server), json)).run(arguments);
        } catch (UsageException e) {
            err.println("scatter: " + e.getMessage() + " (see 'scatter help')");
            return CliMain.USAGE;
        } catch (ApiException e) {
            err.println(e.getMessage());
            return e.isClientError() ? CliMain.USAGE : CliMain.FAILED;
        } catch (UnreachableException e) {
            err.println(e.getMessage());
            return CliMain.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("scatter: interrupted");
            return CliMain.FAILED;
        }
    }

    private Command command(String name, ApiClient api) throws UsageException {
        return switch (name) {
            case "submit" -> new SubmitCommand(api, new JobWaiter(api, interactive ? new ProgressBar(err) : null),
                    json, out, err);
            case "status" -> new StatusCommand(api, json, out);
            case "jobs" -> new JobsCommand(api, out, err);
            case "cancel" -> new CancelCommand(api, out);
            default -> throw new UsageException("unknown command '" + name + "'");
        };
    }

    private URI serverUri(String flag) throws UsageException {
        String text = flag != null ? flag : environment.getOrDefault(SERVER_VARIABLE, DEFAULT_SERVER);
        String source = flag != null ? "--server" : SERVER_VARIABLE;
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException(source + " must be an http:// or https:// URL, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(source + " must be an http:// or https:// URL, got '" + text + "'");
        }
    }
}
