package io.scatter.api.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TaskResultBuilder;
import io.scatter.api.testing.TestWorker;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.prime.PrimeCountJobType;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.transport.RabbitTaskTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dead-lettered tasks on the real broker and database: stored once, failing their job (and no other), listed, and
 * retried until the job succeeds with the exact answer.
 */
@ApiTest
class DeadLettersTest {

    private static final String DEAD_LETTERS = "/api/v1/dead-letters";
    private static final String PROBLEM = "application/problem+json";
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final BrokerProbe broker = new BrokerProbe(environment.rabbitUri());

    @Autowired
    DeadLettersTest(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
        // The API declares the queues once its connection is up, maybe after a test first looks at them.
        broker.declareTopology();
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void aTaskNoWorkerCanComputeFailsItsJobAloneAndARetryMakesItSucceedWithTheExactAnswer() {
        String sumOfSquares;
        String primes;
        try (TestWorker restricted = TestWorker.start(environment, JobTypes.of(new PrimeCountJobType()),
                "prime-only-worker")) {
            sumOfSquares = api.submit(sumOfSquaresJob(1, 3000, 3));
            primes = api.submit(aPrimeCountJob().from(0).to(10_000).tasks(4).json());

            JsonNode failed = awaitStatus(sumOfSquares, "FAILED");
            assertThat(awaitStatus(primes, "SUCCEEDED").get("result").get("count").asLong()).isEqualTo(1229);
            assertThat(failed.get("error").asText())
                    .matches("task [0-2] failed on worker prime-only-worker: unknown job type 'sum-of-squares';"
                            + " known types: prime-count");
            assertThat(failed.get("result").isNull()).isTrue();
        }
        List<JsonNode> dead = awaitDeadLetters(sumOfSquares, 3);
        assertThat(dead).allSatisfy(letter -> {
            assertThat(letter.get("jobId").asText()).isEqualTo(sumOfSquares);
            assertThat(letter.get("jobType").asText()).isEqualTo("sum-of-squares");
            assertThat(letter.get("reason").asText())
                    .isEqualTo("unknown job type 'sum-of-squares'; known types: prime-count");
            assertThat(letter.get("worker").asText()).isEqualTo("prime-only-worker");
            assertThat(letter.get("attempts").asInt()).isEqualTo(1);
            assertThat(letter.get("status").asText()).isEqualTo("DEAD");
            assertThat(letter.get("payload").has("from")).isTrue();
            assertThat(letter.get("retriedAt").isNull()).isTrue();
        });
        assertThat(dead).extracting(letter -> letter.get("taskIndex").asInt()).containsExactlyInAnyOrder(0, 1, 2);
        List<JsonNode> failedIt = dead.stream().filter(letter -> letter.get("failedJob").asBoolean()).toList();
        assertThat(failedIt).hasSize(1);
        JsonNode culprit = failedIt.get(0);
        assertThat(api.job(sumOfSquares).get("error").asText())
                .startsWith("task " + culprit.get("taskIndex").asInt() + " failed");
        JsonNode one = api.get(DEAD_LETTERS + "/" + culprit.get("id").asText()).json();
        assertThat(one).isEqualTo(culprit);
        assertThat(api.job(primes).get("status").asText()).as("the other job is unaffected").isEqualTo("SUCCEEDED");

        ApiClient.Response retried = api.post(DEAD_LETTERS + "/" + culprit.get("id").asText() + "/retry", null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        JsonNode retry = retried.json();
        assertThat(retry.get("deadLetter").get("status").asText()).isEqualTo("RETRIED");
        assertThat(retry.get("deadLetter").get("retriedAt").isNull()).isFalse();
        assertThat(retry.get("job").get("status").asText()).isEqualTo("RUNNING");
        assertThat(retry.get("job").get("error").isNull()).isTrue();
        assertThat(retry.get("requeuedTasks")).extracting(JsonNode::asInt).containsExactly(0, 1, 2);
        assertThat(deadLetters("?jobId=" + sumOfSquares + "&status=RETRIED")).hasSize(3);
        try (TestWorker ignored = TestWorker.start(environment)) {
            JsonNode succeeded = awaitStatus(sumOfSquares, "SUCCEEDED");
            assertThat(succeeded.get("result").get("sum").asLong()).isEqualTo(sumOfSquares(3000));
            assertThat(succeeded.get("progress").get("tasksDone").asInt()).isEqualTo(3);
            assertThat(succeeded.get("error").isNull()).isTrue();
        }

        ApiClient.Response again = api.post(DEAD_LETTERS + "/" + culprit.get("id").asText() + "/retry", null);
        String other = dead.stream().filter(letter -> !letter.get("failedJob").asBoolean()).findFirst().orElseThrow()
                .get("id").asText();
        ApiClient.Response otherAgain = api.post(DEAD_LETTERS + "/" + other + "/retry", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith(PROBLEM);
        assertThat(again.json().get("detail").asText()).contains("already retried");
        assertThat(otherAgain.status()).as("its task was put back by the first retry").isEqualTo(409);
    }

    @Test
    void theSameDeadLetterDeliveredTwiceIsStoredOnceAndFailsItsJobOnce() {
        String id = api.submit(aPrimeCountJob().tasks(2).json());
        List<CloudEvent> tasks = takeTasks(id, 2);
        Map<String, Object> headers = adapterHeaders("delivery_limit: delivered 5 times without an ack", 5, null);

        deadLetter(tasks.get(0), headers);
        deadLetter(tasks.get(0), headers);

        JsonNode job = awaitStatus(id, "FAILED");
        assertThat(job.get("error").asText()).isEqualTo("task " + data(tasks.get(0)).taskIndex()
                + " failed on worker dead-letter-queue: delivery_limit: delivered 5 times without an ack");
        Poll.until("both copies taken in", () -> broker.messageCount(Channels.TASKS_DEAD_LETTER_QUEUE), n -> n == 0);
        Poll.until("the second copy handled", () -> jdbc.sql("SELECT count(*) FROM inbox WHERE message_id = ?")
                .param("dead-letter/" + tasks.get(0).getId()).query(Long.class).single(), n -> n == 1);
        List<JsonNode> stored = deadLetters("?jobId=" + id);
        assertThat(stored).hasSize(1);
        JsonNode letter = stored.get(0);
        assertThat(letter.get("messageId").asText()).isEqualTo(tasks.get(0).getId());
        assertThat(letter.get("attempts").asInt()).isEqualTo(5);
        assertThat(letter.get("worker").isNull()).isTrue();
        assertThat(letter.get("failedJob").asBoolean()).isTrue();
        assertThat(Instant.parse(letter.get("deadLetteredAt").asText())).isEqualTo(AT);
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letters WHERE message_id = ?").param(tasks.get(0).getId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTaskRabbitMqDeadLettersItselfFailsItsJobWithTheBrokersReason() {
        String id = api.submit(aPrimeCountJob().tasks(1).json());
        Poll.until("the task published", () -> broker.messageCount(Channels.TASKS_QUEUE), n -> n == 1);

        GetResponse rejected = broker.rejectNext(Channels.TASKS_QUEUE);

        assertThat(rejected).isNotNull();
        assertThat(awaitStatus(id, "FAILED").get("error").asText())
                .isEqualTo("task 0 failed on worker dead-letter-queue: rejected");
        JsonNode letter = awaitDeadLetters(id, 1).get(0);
        assertThat(letter.get("reason").asText()).isEqualTo("rejected");
        assertThat(letter.get("worker").isNull()).isTrue();
        assertThat(letter.get("messageId").asText()).isEqualTo(rejected.getProps().getMessageId());
    }

    @Test
    void aDeadLetterThatIsNotATaskIsStoredWithoutAJobAndCannotBeRetried() {
        String messageId = "garbage-" + UUID.randomUUID();
        broker.publishRaw(Channels.DEAD_LETTER_EXCHANGE, Channels.TASKS_DEAD_LETTER_QUEUE,
                new AMQP.BasicProperties.Builder().messageId(messageId).contentType("text/plain")
                        .headers(adapterHeaders("malformed task message: not a CloudEvent", 1, null)).build(),
                "count: many".getBytes(StandardCharsets.UTF_8));

        JsonNode letter = Poll.until("the malformed dead letter stored", () -> deadLetters("?status=DEAD").stream()
                .filter(found -> found.get("messageId").asText().equals(messageId)).findFirst().orElse(null),
                found -> found != null);
        ApiClient.Response retry = api.post(DEAD_LETTERS + "/" + letter.get("id").asText() + "/retry", null);

        assertThat(letter.get("jobId").isNull()).isTrue();
        assertThat(letter.get("taskIndex").isNull()).isTrue();
        assertThat(letter.get("payload").isNull()).isTrue();
        assertThat(letter.get("reason").asText()).isEqualTo("malformed task message: not a CloudEvent");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("detail").asText()).contains("not a readable task");
    }

    @Test
    void deadLettersAreListedNewestFirstByJobAndStatusOnePageAtATime() {
        UUID job = UUID.randomUUID();
        for (int index = 0; index < 5; index++) {
            TaskMessage task = new TaskMessage(job, index, 5, "prime-count", Map.of("from", index, "to", index));
            deadLetter(ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE, job.toString(), AT, task),
                    adapterHeaders("reason " + index, 1, "w-" + index, AT.plusSeconds(index)));
        }
        awaitDeadLetters(job.toString(), 5);

        JsonNode first = api.get(DEAD_LETTERS + "?jobId=" + job + "&limit=2").json();
        JsonNode second = api.get(DEAD_LETTERS + "?jobId=" + job + "&limit=2&cursor="
                + first.get("nextCursor").asText()).json();
        JsonNode last = api.get(DEAD_LETTERS + "?jobId=" + job + "&limit=2&cursor="
                + second.get("nextCursor").asText()).json();

        assertThat(taskIndexes(first)).containsExactly(4, 3);
        assertThat(taskIndexes(second)).containsExactly(2, 1);
        assertThat(taskIndexes(last)).containsExactly(0);
        assertThat(last.get("nextCursor").isNull()).isTrue();
        assertThat(first.get("items").get(0).get("worker").asText()).isEqualTo("w-4");
        assertThat(first.get("items").get(0).get("reason").asText()).isEqualTo("reason 4");
        assertThat(first.get("items").get(0).get("failedJob").asBoolean()).as("no such job").isFalse();
        assertThat(deadLetters("?jobId=" + job + "&status=DEAD")).hasSize(5);
        assertThat(deadLetters("?jobId=" + job + "&status=retried")).isEmpty();
        assertThat(deadLetters("?jobId=" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void badListParametersAreRejectedNamingTheParameter() {
        Map<String, String> bad = Map.of("jobId=42", "jobId", "status=SLEEPING", "status", "limit=0", "limit",
                "limit=101", "limit", "cursor=nonsense", "cursor");

        bad.forEach((query, field) -> {
            ApiClient.Response response = api.get(DEAD_LETTERS + "?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM);
            assertThat(response.json().get("field").asText()).isEqualTo(field);
        });
    }

    @Test
    void anUnknownDeadLetterIs404() {
        for (String id : List.of(UUID.randomUUID().toString(), "42")) {
            ApiClient.Response get = api.get(DEAD_LETTERS + "/" + id);
            ApiClient.Response retry = api.post(DEAD_LETTERS + "/" + id + "/retry", null);

            assertThat(get.status()).isEqualTo(404);
            assertThat(retry.status()).isEqualTo(404);
            assertThat(retry.contentType()).startsWith(PROBLEM);
            assertThat(retry.json().get("detail").asText()).isEqualTo("no dead letter has the id '" + id + "'");
        }
    }

    @Test
    void deadLettersOfJobsThatSucceededWereCancelledOrFailedOtherwiseCannotBeRetried() {
        String succeeded = api.submit(aPrimeCountJob().from(0).to(100).tasks(1).json());
        CloudEvent succeededTask = takeTasks(succeeded, 1).get(0);
        publish(aResult().job(succeeded).task(0).result(Map.of("count", 25)));
        awaitStatus(succeeded, "SUCCEEDED");
        String cancelled = api.submit(aPrimeCountJob().tasks(2).json());
        CloudEvent cancelledTask = takeTasks(cancelled, 2).get(0);
        api.delete("/api/v1/jobs/" + cancelled);
        String failedByAWorker = api.submit(aPrimeCountJob().tasks(2).json());
        List<CloudEvent> failedTasks = takeTasks(failedByAWorker, 2);
        publish(aResult().job(failedByAWorker).task(data(failedTasks.get(0)).taskIndex()).worker("w-7")
                .failed("out of memory"));
        awaitStatus(failedByAWorker, "FAILED");

        deadLetter(succeededTask, adapterHeaders("rejected", 1, "w-1"));
        deadLetter(cancelledTask, adapterHeaders("rejected", 1, "w-1"));
        deadLetter(failedTasks.get(1), adapterHeaders("rejected", 1, "w-1"));

        ApiClient.Response ofSucceeded = retry(awaitDeadLetters(succeeded, 1).get(0));
        ApiClient.Response ofCancelled = retry(awaitDeadLetters(cancelled, 1).get(0));
        ApiClient.Response ofFailed = retry(awaitDeadLetters(failedByAWorker, 1).get(0));

        assertThat(ofSucceeded.status()).isEqualTo(409);
        assertThat(ofSucceeded.contentType()).startsWith(PROBLEM);
        assertThat(ofSucceeded.json().get("jobStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(ofSucceeded.json().get("detail").asText()).contains("only a FAILED job can be retried");
        assertThat(ofCancelled.status()).isEqualTo(409);
        assertThat(ofCancelled.json().get("jobStatus").asText()).isEqualTo("CANCELLED");
        assertThat(ofFailed.status()).isEqualTo(409);
        assertThat(ofFailed.json().get("jobStatus").asText()).isEqualTo("FAILED");
        assertThat(ofFailed.json().get("detail").asText()).contains("did not fail because of it", "out of memory");
        assertThat(api.job(succeeded).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(api.job(succeeded).get("result").get("count").asInt()).isEqualTo(25);
        assertThat(api.job(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.job(failedByAWorker).get("status").asText()).isEqualTo("FAILED");
        assertThat(deadLetters("?jobId=" + cancelled).get(0).get("status").asText()).isEqualTo("DEAD");
    }

    private ApiClient.Response retry(JsonNode deadLetter) {
        return api.post(DEAD_LETTERS + "/" + deadLetter.get("id").asText() + "/retry", null);
    }

    private static String sumOfSquaresJob(long from, long to, int tasks) {
        return "{\"type\":\"sum-of-squares\",\"input\":{\"from\":" + from + ",\"to\":" + to + "},"
                + "\"options\":{\"tasks\":" + tasks + "}}";
    }

    /** 1² + 2² + … + n². */
    private static long sumOfSquares(long n) {
        return n * (n + 1) * (2 * n + 1) / 6;
    }

    private JsonNode awaitStatus(String id, String status) {
        return Poll.until("job " + id + " " + status, () -> api.job(id),
                job -> job.get("status").asText().equals(status));
    }

    private List<JsonNode> awaitDeadLetters(String jobId, int count) {
        return Poll.until(count + " dead letters of job " + jobId, () -> deadLetters("?jobId=" + jobId),
                found -> found.size() >= count);
    }

    private List<JsonNode> deadLetters(String query) {
        ApiClient.Response response = api.get(DEAD_LETTERS + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<Integer> taskIndexes(JsonNode page) {
        List<Integer> indexes = new ArrayList<>();
        page.get("items").forEach(item -> indexes.add(item.get("taskIndex").asInt()));
        return indexes;
    }

    /** Takes the job's task messages off the queue, so no one computes them; by task index. */
    private List<CloudEvent> takeTasks(String jobId, int count) {
        List<CloudEvent> events = new ArrayList<>(broker.awaitEvents(Channels.TASKS_QUEUE, count,
                event -> jobId.equals(event.getSubject())));
        events.sort(Comparator.comparingInt(event -> data(event).taskIndex()));
        return events;
    }

    /** Publishes {@code task} to the task dead-letter queue as the transport dead-letters it, with {@code headers}. */
    private void deadLetter(CloudEvent task, Map<String, Object> headers) {
        AmqpMessage message = CloudEventAmqpCodec.encode(task);
        Map<String, Object> all = new LinkedHashMap<>(message.properties().getHeaders());
        all.putAll(headers);
        broker.publishRaw(Channels.DEAD_LETTER_EXCHANGE, Channels.TASKS_DEAD_LETTER_QUEUE,
                message.properties().builder().headers(all).build(), message.body());
    }

    private static Map<String, Object> adapterHeaders(String reason, int attempts, String worker) {
        return adapterHeaders(reason, attempts, worker, AT);
    }

    private static Map<String, Object> adapterHeaders(String reason, int attempts, String worker, Instant at) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(RabbitTaskTransport.REASON_HEADER, reason);
        headers.put(RabbitTaskTransport.ATTEMPTS_HEADER, attempts);
        headers.put(RabbitTaskTransport.DEAD_LETTERED_AT_HEADER, at.toEpochMilli());
        if (worker != null) {
            headers.put(RabbitTaskTransport.WORKER_HEADER, worker);
        }
        return headers;
    }

    private void publish(TaskResultBuilder result) {
        broker.publish(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY, result.event());
    }

    private static TaskMessage data(CloudEvent event) {
        try {
            return ScatterEvents.data(event, TaskMessage.class);
        } catch (MalformedMessageException e) {
            throw new AssertionError(e);
        }
    }
}
