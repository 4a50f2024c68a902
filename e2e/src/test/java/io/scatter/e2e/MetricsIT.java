package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scatter.messaging.testing.PrometheusScrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's /actuator/prometheus and each worker's /metrics (on {@code --http-port}), scraped before and after a
 * prime-count job: the named series move by what the job did, and the workers' readiness probes say they consume;
 * the Grafana dashboard queries only series they export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SERVING = Pattern.compile("ready on http://[^:]+:(\\d+)");
    private static final Pattern SERIES = Pattern.compile("\\b(scatter|jvm|process)_[a-z0-9_]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int TASKS = 20;
    private static final long NUMBERS = 10_000_001;

    private static ScatterCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ScatterCluster.builder().workers(2).workerConcurrency(2)
                .workerArguments("--http-port", "0", "--http-bind", "127.0.0.1")
                .apiArgument("--scatter.metrics.refresh-interval=200ms").start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void bothMetricsEndpointsShowTheSeriesMoveAsAPrimeCountJobRuns() throws Exception {
        List<URI> workers = workerEndpoints();
        for (URI worker : workers) {
            HttpResponse<String> ready = get(worker.resolve("/health/ready"));
            assertThat(ready.statusCode()).as("%s: %s", worker, ready.body()).isEqualTo(200);
            assertThat(get(worker.resolve("/health/live")).statusCode()).isEqualTo(200);
        }
        PrometheusScrape api = Poll.until("the API's gauges to see both workers", WAIT, MetricsIT::scrapeApi,
                scrape -> scrape.has("scatter_jobs", "status", "SUCCEEDED")
                        && scrape.sum("scatter_queue_consumers", "queue", "scatter.tasks") >= 2);
        List<PrometheusScrape> workersBefore = scrapeWorkers(workers);

        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":10000000},"options":{"algorithm":"sieve","tasks":20}}""");
        JsonNode job = cluster.awaitFinished(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");

        PrometheusScrape apiAfter = Poll.until("the API's gauges to catch up with the job", WAIT,
                MetricsIT::scrapeApi, scrape -> scrape.sum("scatter_jobs", "status", "SUCCEEDED")
                        == api.sum("scatter_jobs", "status", "SUCCEEDED") + 1
                        && scrape.sum("scatter_outbox_backlog") == 0);
        assertThat(delta(api, apiAfter, "scatter_tasks_completed_total", "type", "prime-count", "outcome",
                "succeeded")).isEqualTo(TASKS);
        assertThat(delta(api, apiAfter, "scatter_task_duration_seconds_count", "type", "prime-count", "algorithm",
                "sieve")).isEqualTo(TASKS);
        assertThat(delta(api, apiAfter, "scatter_numbers_checked_total", "type", "prime-count")).isEqualTo(NUMBERS);
        assertThat(delta(api, apiAfter, "scatter_inbox_apply_seconds_count")).isPositive();
        assertThat(apiAfter.sum("scatter_queue_consumers", "queue", "scatter.tasks")).isGreaterThanOrEqualTo(2);
        assertThat(apiAfter.sum("scatter_outbox_oldest_age_seconds")).isZero();

        List<PrometheusScrape> workersAfter = Poll.until("the workers to settle every task", WAIT,
                () -> scrapeWorkers(workers), scrapes -> sum(scrapes, "scatter_worker_tasks_total", "outcome",
                        "succeeded") - sum(workersBefore, "scatter_worker_tasks_total", "outcome", "succeeded") >= TASKS);
        assertThat(sum(workersAfter, "scatter_worker_tasks_total", "outcome", "succeeded")
                - sum(workersBefore, "scatter_worker_tasks_total", "outcome", "succeeded")).isEqualTo(TASKS);
        assertThat(sum(workersAfter, "scatter_worker_numbers_checked_total", "type", "prime-count")
                - sum(workersBefore, "scatter_worker_numbers_checked_total", "type", "prime-count"))
                .isEqualTo(NUMBERS);
        assertThat(sum(workersAfter, "scatter_worker_task_duration_seconds_count", "algorithm", "sieve")
                - sum(workersBefore, "scatter_worker_task_duration_seconds_count", "algorithm", "sieve"))
                .isEqualTo(TASKS);
        assertThat(sum(workersAfter, "scatter_worker_tasks_in_flight")).isZero();
        assertThat(workersAfter).allSatisfy(scrape -> assertThat(scrape.has("jvm_memory_used_bytes")).isTrue());
    }

    @Test
    @Order(2)
    void everySeriesTheGrafanaDashboardQueriesIsOneTheApiOrAWorkerExports() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":1000},"options":{"algorithm":"sieve","tasks":1}}""");
        assertThat(cluster.awaitFinished(id).get("status").asText()).isEqualTo("SUCCEEDED");
        List<PrometheusScrape> scrapes = new ArrayList<>(scrapeWorkers(workerEndpoints()));
        scrapes.add(Poll.until("the API to count the job", WAIT, MetricsIT::scrapeApi,
                scrape -> scrape.has("scatter_task_duration_seconds_bucket")));
        Set<String> exported = scrapes.stream().flatMap(scrape -> scrape.samples().stream())
                .map(PrometheusScrape.Sample::name).collect(Collectors.toSet());

        JsonNode dashboard = JSON.readTree(ScatterProcess.ROOT.resolve("deploy/grafana/scatter-dashboard.json")
                .toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher series = SERIES.matcher(target.get("expr").asText());
                while (series.find()) {
                    queried.add(series.group());
                }
            }
        }

        assertThat(queried).hasSizeGreaterThanOrEqualTo(12);
        assertThat(exported).containsAll(queried);
        assertThat(dashboard.get("templating").get("list").get(0).get("type").asText()).isEqualTo("datasource");
    }

    /** Where each worker serves HTTP, from the port it logged. */
    private static List<URI> workerEndpoints() {
        List<URI> endpoints = new ArrayList<>();
        for (ScatterProcess worker : cluster.workers()) {
            Matcher serving = SERVING.matcher(worker.log());
            assertThat(serving.find()).as("%s logged its HTTP port:%n%s", worker.name(), worker.log()).isTrue();
            endpoints.add(URI.create("http://127.0.0.1:" + serving.group(1)));
        }
        return endpoints;
    }

    private static PrometheusScrape scrapeApi() throws Exception {
        return scrape(cluster.apiBase().resolve("/actuator/prometheus"));
    }

    private static List<PrometheusScrape> scrapeWorkers(List<URI> workers) throws Exception {
        List<PrometheusScrape> scrapes = new ArrayList<>();
        for (URI worker : workers) {
            scrapes.add(scrape(worker.resolve("/metrics")));
        }
        return scrapes;
    }

    private static PrometheusScrape scrape(URI uri) throws Exception {
        HttpResponse<String> response = get(uri);
        assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static double sum(List<PrometheusScrape> scrapes, String name, String... labels) {
        return scrapes.stream().mapToDouble(scrape -> scrape.sum(name, labels)).sum();
    }
}
