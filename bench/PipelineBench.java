import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of bench/pipeline.sh, on the JDK's HttpClient only. Run as {@code java bench/PipelineBench.java MODE
 * BASE ...}; prints {@code key=value} lines on stdout for the script to read.
 *
 * <ul>
 *   <li>{@code throughput BASE JOBS TASKS [TIMEOUT_S]}: submits JOBS prime-count jobs of TASKS one-number tasks each,
 *       then polls them until all SUCCEEDED; tasks/s from the first POST to the last SUCCEEDED seen, and the steady
 *       rate between 10 % and 90 % of the tasks done.</li>
 *   <li>{@code latency BASE JOBS}: JOBS one-task jobs one after the other, each from the POST until a GET shows
 *       SUCCEEDED (GET polled back to back); p50, p90, p99, max in ms.</li>
 *   <li>{@code submit BASE}: one one-task job; prints its id.</li>
 *   <li>{@code await BASE ID TIMEOUT_S}: waits until the job SUCCEEDED.</li>
 * </ul>
 */
public class PipelineBench {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern DONE = Pattern.compile("\"tasksDone\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI base = URI.create(args[1]);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        switch (mode) {
            case "throughput" -> throughput(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 180);
            case "latency" -> latency(base, Integer.parseInt(args[2]));
            case "submit" -> System.out.println("id=" + submit(base, oneTaskJob()));
            case "await" -> {
                await(base, args[2], Integer.parseInt(args[3]));
                System.out.println("status=SUCCEEDED");
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    static String oneTaskJob() {
        return "{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":1000},\"options\":{\"tasks\":1}}";
    }

    static String submit(URI base, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(base.resolve("/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static String get(URI base, String id) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(base.resolve("/api/v1/jobs/" + id)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }

    static void await(URI base, String id, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String status = field(STATUS, get(base, id));
            if (status.equals("SUCCEEDED")) {
                return;
            }
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new IllegalStateException("job " + id + " ended " + status);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("job " + id + " not done within " + timeoutSeconds + " s");
    }

    static void throughput(URI base, int jobs, int tasks, int timeoutSeconds) throws Exception {
        String body = "{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":" + (tasks - 1)
                + "},\"options\":{\"algorithm\":\"trial-division\",\"tasks\":" + tasks + "}}";
        long total = (long) jobs * tasks;
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(submit(base, body));
        }
        long submitted = System.nanoTime();
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        long at10 = -1;
        long at90 = -1;
        long done10 = 0;
        long done90 = 0;
        while (true) {
            long done = 0;
            int succeeded = 0;
            for (String id : ids) {
                String json = get(base, id);
                String status = field(STATUS, json);
                if (status.equals("FAILED") || status.equals("CANCELLED")) {
                    throw new IllegalStateException("job " + id + " ended " + status + ": " + json);
                }
                if (status.equals("SUCCEEDED")) {
                    succeeded++;
                }
                String d = field(DONE, json);
                done += d.isEmpty() ? 0 : Long.parseLong(d);
            }
            long now = System.nanoTime();
            if (at10 < 0 && done >= total / 10) {
                at10 = now;
                done10 = done;
            }
            if (at90 < 0 && done >= total * 9 / 10) {
                at90 = now;
                done90 = done;
            }
            if (succeeded == jobs) {
                double seconds = (now - start) / 1e9;
                System.out.printf("tasks=%d%n", total);
                System.out.printf("submit_seconds=%.3f%n", (submitted - start) / 1e9);
                System.out.printf("seconds=%.3f%n", seconds);
                System.out.printf("tasks_per_second=%.1f%n", total / seconds);
                double steady = at90 > at10 ? (done90 - done10) / ((at90 - at10) / 1e9) : total / seconds;
                System.out.printf("steady_tasks_per_second=%.1f%n", steady);
                return;
            }
            if (now > deadline) {
                throw new IllegalStateException(done + " of " + total + " tasks done after " + timeoutSeconds + " s");
            }
            Thread.sleep(100);
        }
    }

    static void latency(URI base, int jobs) throws Exception {
        // warm-up: the first requests pay for class loading and JIT in the client and the API
        for (int i = 0; i < 10; i++) {
            await(base, submit(base, oneTaskJob()), 30);
        }
        double[] millis = new double[jobs];
        int polls = 0;
        for (int i = 0; i < jobs; i++) {
            long start = System.nanoTime();
            String id = submit(base, oneTaskJob());
            while (true) {
                polls++;
                String status = field(STATUS, get(base, id));
                if (status.equals("SUCCEEDED")) {
                    break;
                }
                if (status.equals("FAILED") || status.equals("CANCELLED")) {
                    throw new IllegalStateException("job " + id + " ended " + status);
                }
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("job " + id + " not done within 30 s");
                }
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("jobs=%d%n", jobs);
        System.out.printf("p50_ms=%.1f%n", percentile(millis, 50));
        System.out.printf("p90_ms=%.1f%n", percentile(millis, 90));
        System.out.printf("p99_ms=%.1f%n", percentile(millis, 99));
        System.out.printf("max_ms=%.1f%n", millis[millis.length - 1]);
        System.out.printf("min_ms=%.1f%n", millis[0]);
        System.out.printf("gets_per_job=%.1f%n", (double) polls / jobs);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A request with the API key in SCATTER_API_KEY (made by bench/lib.sh), if any. */
    private static HttpRequest.Builder authorized(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String key = System.getenv("SCATTER_API_KEY");
        return key == null || key.isBlank() ? request : request.header("Authorization", "Bearer " + key);
    }
}
