package io.scatter.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** Listing jobs newest first, page by page, optionally by status. */
@ApiTest
class JobListingTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;

    @Autowired
    JobListingTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void pagesListEveryJobOnceNewestFirst() {
        List<String> submitted = submit(7);

        List<JsonNode> listed = listAll(null, 3);

        List<String> ids = listed.stream().map(job -> job.get("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().filter(submitted::contains).toList()).containsExactlyElementsOf(reversed(submitted));
        assertThat(listed).isSortedAccordingTo(Comparator
                .comparing((JsonNode job) -> Instant.parse(job.get("createdAt").asText())).reversed()
                .thenComparing(job -> job.get("id").asText(), Comparator.reverseOrder()));
    }

    @Test
    void theLastPageHasNoNextCursor() {
        submit(2);
        Response first = api.get("/api/v1/jobs?limit=100");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void withoutALimitAPageHoldsTwentyJobs() {
        submit(21);

        JsonNode page = api.get("/api/v1/jobs").json();

        assertThat(page.get("items")).hasSize(20);
        assertThat(page.get("nextCursor").isTextual()).isTrue();
    }

    @Test
    void theStatusFilterListsOnlyJobsInThatStatus() {
        List<String> submitted = submit(4);
        api.delete("/api/v1/jobs/" + submitted.get(1));
        api.delete("/api/v1/jobs/" + submitted.get(3));

        List<JsonNode> cancelled = listAll("CANCELLED", 1);
        List<JsonNode> queued = listAll("QUEUED", 100);

        assertThat(cancelled).allMatch(job -> job.get("status").asText().equals("CANCELLED"));
        assertThat(cancelled.stream().map(job -> job.get("id").asText()))
                .containsSubsequence(submitted.get(3), submitted.get(1));
        assertThat(queued).allMatch(job -> job.get("status").asText().equals("QUEUED"));
        assertThat(queued.stream().map(job -> job.get("id").asText()))
                .contains(submitted.get(0), submitted.get(2))
                .doesNotContain(submitted.get(1), submitted.get(3));
    }

    private List<String> submit(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.submit(aPrimeCountJob().to(1000 + i).tasks(1).json()));
        }
        return ids;
    }

    private List<JsonNode> listAll(String status, int limit) {
        List<JsonNode> jobs = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=" + limit + (status == null ? "" : "&status=" + status)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Response page = api.get("/api/v1/jobs" + query);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(limit);
            page.json().get("items").forEach(jobs::add);
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        return jobs;
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
