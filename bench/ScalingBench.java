import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of bench/scaling.sh, on the JDK's HttpClient only; prints {@code key=value} lines.
 *
 * <ul>
 *   <li>{@code slots BASE N TIMEOUT_S}: waits until the ALIVE workers' concurrency adds up to N, as the API's
 *       scheduler sees it (GET /api/v1/workers).</li>
 *   <li>{@code job BASE ALGORITHM FROM TO TIMEOUT_S}: one prime-count job with the default task count (the
 *       scheduler's choice); prints seconds from its {@code createdAt} to its {@code finishedAt} (the API's clock, so
 *       that polling neither adds to the time nor takes CPU from the workers: GET every 25 ms), the seconds from
 *       the POST until a GET showed SUCCEEDED, the task count and the count.</li>
 * </ul>
 */
public class ScalingBench {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern TASKS = Pattern.compile("\"tasksTotal\"\\s*:\\s*(\\d+)");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FINISHED = Pattern.compile("\"finishedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ALIVE_CONCURRENCY =
            Pattern.compile("\"status\"\\s*:\\s*\"ALIVE\"\\s*,\\s*\"concurrency\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1]);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        switch (args[0]) {
            case "slots" -> slots(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "job" -> job(base, args[2], Long.parseLong(args[3]), Long.parseLong(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static void slots(URI base, int wanted, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        int slots = -1;
        while (System.nanoTime() < deadline) {
            slots = 0;
            Matcher matcher = ALIVE_CONCURRENCY.matcher(get(base, "/api/v1/workers"));
            while (matcher.find()) {
                slots += Integer.parseInt(matcher.group(1));
            }
            if (slots == wanted) {
                System.out.println("slots=" + slots);
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the API sees " + slots + " live slots, not " + wanted);
    }

    static void job(URI base, String algorithm, long from, long to, int timeoutSeconds) throws Exception {
        String body = "{\"type\":\"prime-count\",\"input\":{\"from\":" + from + ",\"to\":" + to
                + "},\"options\":{\"algorithm\":\"" + algorithm + "\"}}";
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(authorized(base.resolve("/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        String path = "/api/v1/jobs/" + location.substring(location.lastIndexOf('/') + 1);
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String json = get(base, path);
            String status = field(STATUS, json);
            if (status.equals("SUCCEEDED")) {
                Duration run = Duration.between(Instant.parse(field(CREATED, json)),
                        Instant.parse(field(FINISHED, json)));
                System.out.printf("seconds=%.4f%nobserved=%.4f%ntasks=%s%ncount=%s%n", run.toNanos() / 1e9,
                        (System.nanoTime() - start) / 1e9, field(TASKS, json), field(COUNT, json));
                return;
            }
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new IllegalStateException("job ended " + status + ": " + json);
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("job not done within " + timeoutSeconds + " s");
    }

    static String get(URI base, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** A request with the API key in SCATTER_API_KEY (made by bench/lib.sh), if any. */
    private static HttpRequest.Builder authorized(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String key = System.getenv("SCATTER_API_KEY");
        return key == null || key.isBlank() ? request : request.header("Authorization", "Bearer " + key);
    }
}
