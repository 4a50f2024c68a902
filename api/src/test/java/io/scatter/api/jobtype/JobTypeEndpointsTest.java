package io.scatter.api.jobtype;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.auth.TestKeys;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.core.jobtype.JobTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/job-types}: every registered type with the JSON Schemas of its input and options, with a key. */
@ApiTest
class JobTypeEndpointsTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.auth.mode", () -> "api-key");
    }

    private final int port;
    private final ApiClient api;

    @Autowired
    JobTypeEndpointsTest(@LocalServerPort int port) throws SQLException {
        this.port = port;
        this.api = ApiClient.withKey(port, TestKeys.create(environment.dataSource(), "dashboard"));
    }

    @Test
    void theListHasEveryRegisteredTypeSortedByName() {
        Response response = api.get("/api/v1/job-types");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(names(response.json().get("items"))).isEqualTo(List.copyOf(JobTypes.load().names()))
                .containsSubsequence("expression", "pi-estimate", "prime-count", SumOfSquaresJobType.NAME);
    }

    @Test
    void primeCountRequiresFromAndToFromZeroToTenToTheFifteen() {
        JsonNode type = api.get("/api/v1/job-types/prime-count").json();
        JsonNode input = type.get("input");

        assertThat(type.get("name").asText()).isEqualTo("prime-count");
        assertThat(type.get("title").asText()).isEqualTo("Count primes");
        assertThat(type.get("description").asText()).isNotBlank();
        assertThat(input.get("type").asText()).isEqualTo("object");
        assertThat(input.get("required").toString()).isEqualTo("[\"from\",\"to\"]");
        assertThat(input.get("additionalProperties").asBoolean(true)).isFalse();
        for (String bound : List.of("from", "to")) {
            JsonNode property = input.get("properties").get(bound);
            assertThat(property.get("type").asText()).isEqualTo("integer");
            assertThat(property.get("minimum").asLong()).isZero();
            assertThat(property.get("maximum").asLong()).isEqualTo(1_000_000_000_000_000L);
        }
    }

    @Test
    void primeCountsOptionsOfferTheAlgorithmsAndTasksWithoutADefault() {
        JsonNode options = api.get("/api/v1/job-types/prime-count").json().get("options");
        JsonNode algorithm = options.get("properties").get("algorithm");
        JsonNode tasks = options.get("properties").get("tasks");

        assertThat(options.get("required").size()).isZero();
        assertThat(algorithm.get("enum").toString()).isEqualTo("[\"sieve\",\"trial-division\"]");
        assertThat(algorithm.get("default").asText()).isEqualTo("sieve");
        assertThat(tasks.get("minimum").asInt()).isEqualTo(1);
        assertThat(tasks.get("maximum").asInt()).isEqualTo(10_000);
        assertThat(tasks.has("default")).isFalse();
    }

    @Test
    void piEstimatesSeedDefaultsToAnExactNumberAndHasNoMaximumADoubleCannotHold() {
        JsonNode seed = api.get("/api/v1/job-types/pi-estimate").json().get("options").get("properties").get("seed");

        assertThat(seed.get("default").isIntegralNumber()).isTrue();
        assertThat(seed.get("default").asLong()).isEqualTo(314_159_265_358_979L);
        assertThat(seed.get("minimum").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(seed.has("maximum")).isFalse();
    }

    @Test
    void aTypeThatDoesNotDescribeItselfIsListedWithoutSchemas() {
        JsonNode type = api.get("/api/v1/job-types/" + SumOfSquaresJobType.NAME).json();

        assertThat(type.get("name").asText()).isEqualTo(SumOfSquaresJobType.NAME);
        for (String member : List.of("title", "description", "input", "options")) {
            assertThat(type.get(member).isNull()).as(member).isTrue();
        }
    }

    @Test
    void eachItemOfTheListIsWhatItsOwnUrlAnswers() {
        for (JsonNode item : api.get("/api/v1/job-types").json().get("items")) {
            Response one = api.get("/api/v1/job-types/" + item.get("name").asText());

            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json()).isEqualTo(item);
        }
    }

    @Test
    void anUnknownTypeIsNotFoundWithAProblemNamingTheKnownTypes() {
        Response response = api.get("/api/v1/job-types/no-such-type");

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText())
                .startsWith("no job type is named 'no-such-type'; known types: ")
                .contains("prime-count", "pi-estimate", "expression");
        assertThat(names(response.json().get("knownTypes"))).contains("prime-count", SumOfSquaresJobType.NAME);
    }

    @Test
    void withoutAKeyTheJobTypesAreRefused() {
        ApiClient anonymous = new ApiClient(port);

        assertThat(anonymous.get("/api/v1/job-types").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/job-types/prime-count").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpoints() {
        JsonNode paths = new ApiClient(port).get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/api/v1/job-types").path("get").path("summary").asText())
                .isEqualTo("List the job types, by name");
        assertThat(paths.path("/api/v1/job-types/{name}").path("get").path("responses").has("404")).isTrue();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        for (JsonNode element : array) {
            names.add(element.isTextual() ? element.asText() : element.get("name").asText());
        }
        return names;
    }
}
