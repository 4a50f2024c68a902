package io.scatter.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rabbitmq.client.AMQP;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.Json;
import io.scatter.messaging.ScatterEvents;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generated task messages no worker may compute: each kind breaks the wire format, the contract, a limit or its
 * type's payload in one way, starting from a valid prime-count task.
 */
final class HostileTasks {

    /** A message to publish as it is, and which kind of hostility it carries (for a failing run's report). */
    record Hostile(String kind, AMQP.BasicProperties properties, byte[] body) {

        Hostile withMessageId(String id) {
            return new Hostile(kind, properties.builder().messageId(id).build(), body);
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + " " + properties.getHeaders() + " " + properties.getContentType() + " "
                    + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }

    private static final List<String> ATTRIBUTES = List.of("specversion", "id", "source", "type");
    private static final List<String> FIELDS = List.of("jobId", "taskIndex", "taskCount", "jobType", "payload");

    private HostileTasks() {
    }

    /** Any kind, each about as often. */
    static Arbitrary<Hostile> any() {
        return Arbitraries.oneOf(List.of(randomBytes(), truncatedJson(), deepJson(), duplicateKey(), longNumber(),
                wrongType(), wrongSpecVersion(), missingAttribute(), wrongContentType(), oversized(), subjectNotJob(),
                unknownJobType(), invalidPrimeCountPayload(), invalidExpressionPayload(), wrongFieldType(),
                notAnObject(), attributeTwice(), indexOutOfRange()));
    }

    private static Arbitrary<UUID> jobs() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()));
    }

    private static Arbitrary<String> unicode() {
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withChars("😀𝔘\uFFFD").ofMaxLength(40);
    }

    private static Arbitrary<Hostile> randomBytes() {
        return Combinators.combine(jobs(), Arbitraries.bytes().array(byte[].class).ofMaxSize(2000))
                .as((job, bytes) -> message("random bytes", headers(job), ScatterEvents.JSON, bytes));
    }

    private static Arbitrary<Hostile> truncatedJson() {
        return jobs().flatMap(job -> {
            String body = body(job, 0, 1, "\"prime-count\"", primePayload(1, 1000));
            return Arbitraries.integers().between(0, body.length() - 1)
                    .map(cut -> message("truncated JSON", headers(job), ScatterEvents.JSON, body.substring(0, cut)));
        });
    }

    private static Arbitrary<Hostile> deepJson() {
        return Combinators.combine(jobs(), Arbitraries.integers().between(Json.MAX_NESTING_DEPTH, 5000))
                .as((job, depth) -> valid("deep JSON", job, "\"prime-count\"",
                        "{\"from\":1,\"to\":9,\"algorithm\":" + "[".repeat(depth) + "]".repeat(depth) + "}"));
    }

    private static Arbitrary<Hostile> duplicateKey() {
        return Combinators.combine(jobs(), Arbitraries.of(FIELDS)).as((job, field) -> {
            Map<String, String> fields = fields(job, "0", "1", "\"prime-count\"", primePayload(1, 9));
            return message("duplicate key " + field, headers(job), ScatterEvents.JSON,
                    "{\"" + field + "\":" + fields.get(field) + "," + object(fields).substring(1));
        });
    }

    private static Arbitrary<Hostile> longNumber() {
        return Combinators.combine(jobs(), Arbitraries.integers().between(Json.MAX_NUMBER_LENGTH + 1, 5000),
                Arbitraries.of("taskIndex", "from"))
                .as((job, digits, field) -> {
                    String number = "1" + "0".repeat(digits - 1);
                    String payload = field.equals("from") ? "{\"from\":" + number + ",\"to\":9,\"algorithm\":\"sieve\"}"
                            : primePayload(1, 9);
                    String index = field.equals("taskIndex") ? number : "0";
                    return message("long number in " + field, headers(job), ScatterEvents.JSON,
                            body(job, index, "1", "\"prime-count\"", payload));
                });
    }

    private static Arbitrary<Hostile> wrongType() {
        return Combinators.combine(jobs(), Arbitraries.oneOf(unicode(),
                Arbitraries.of("scatter.task.v2", "scatter.task.v0", "scatter.task-result.v1", "SCATTER.TASK.V1",
                        "scatter.job-cancelled.v1", " scatter.task.v1")))
                .filter((job, type) -> !TaskMessage.TYPE.equals(type))
                .as((job, type) -> {
                    Map<String, Object> headers = headers(job);
                    headers.put("cloudEvents:type", type);
                    return valid("CloudEvent type " + type, headers, job);
                });
    }

    private static Arbitrary<Hostile> wrongSpecVersion() {
        return Combinators.combine(jobs(), Arbitraries.oneOf(unicode(), Arbitraries.of("0.3", "2.0", "1", "1.0.0")))
                .filter((job, version) -> !"1.0".equals(version))
                .as((job, version) -> {
                    Map<String, Object> headers = headers(job);
                    headers.put("cloudEvents:specversion", version);
                    return valid("specversion " + version, headers, job);
                });
    }

    private static Arbitrary<Hostile> missingAttribute() {
        return Combinators.combine(jobs(), Arbitraries.of(ATTRIBUTES)).as((job, attribute) -> {
            Map<String, Object> headers = headers(job);
            headers.remove("cloudEvents:" + attribute);
            return valid("no " + attribute, headers, job);
        });
    }

    private static Arbitrary<Hostile> wrongContentType() {
        return Combinators.combine(jobs(), Arbitraries.oneOf(Arbitraries.of("text/plain", "application/xml",
                "application/octet-stream", "application/cloudevents+json", "", "APPLICATION/JSON"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(text -> "text/" + text)))
                .as((job, type) -> message("content type " + type, headers(job), type,
                        body(job, 0, 1, "\"prime-count\"", primePayload(1, 9))));
    }

    private static Arbitrary<Hostile> oversized() {
        return Combinators.combine(jobs(), Arbitraries.integers().between(1, 100_000))
                .as((job, extra) -> valid("oversized", job, "\"prime-count\"",
                        "{\"from\":1,\"to\":9,\"algorithm\":\"sieve\",\"pad\":\""
                                + "x".repeat(64 * 1024 + extra) + "\"}"));
    }

    private static Arbitrary<Hostile> subjectNotJob() {
        return Combinators.combine(jobs(), Arbitraries.oneOf(unicode(), jobs().map(UUID::toString),
                Arbitraries.just(""))).as((job, subject) -> {
                    Map<String, Object> headers = headers(job);
                    if (subject.isEmpty()) {
                        headers.remove("cloudEvents:subject");
                    } else {
                        headers.put("cloudEvents:subject", subject);
                    }
                    return valid("subject " + subject, headers, job);
                });
    }

    private static Arbitrary<Hostile> unknownJobType() {
        return Combinators.combine(jobs(), unicode()).as((job, name) -> valid("job type no-such-" + name, job,
                json("no-such-" + name), primePayload(1, 9)));
    }

    private static Arbitrary<Hostile> invalidPrimeCountPayload() {
        return Combinators.combine(jobs(), Arbitraries.oneOf(
                Arbitraries.longs().between(1, Long.MAX_VALUE).map(from -> "{\"from\":" + from + ",\"to\":0,"
                        + "\"algorithm\":\"sieve\"}"),
                Arbitraries.longs().between(Long.MIN_VALUE, -1).map(from -> primePayload(from, 9)),
                Arbitraries.longs().between(1_000_000_000_000_001L, Long.MAX_VALUE).map(to -> primePayload(0, to)),
                Arbitraries.of("1e30", "9.5", "\"9\"", "null", "true", "[9]", "{}").map(to ->
                        "{\"from\":1,\"to\":" + to + ",\"algorithm\":\"sieve\"}"),
                unicode().map(name -> "{\"from\":1,\"to\":9,\"algorithm\":" + json("no-such-" + name) + "}"),
                Arbitraries.of("{}", "{\"from\":1}", "{\"to\":9,\"algorithm\":\"sieve\"}", "{\"from\":1,\"to\":9}")))
                .as((job, payload) -> valid("prime-count payload " + payload, job, "\"prime-count\"", payload));
    }

    private static Arbitrary<Hostile> invalidExpressionPayload() {
        return Combinators.combine(jobs(), Arbitraries.of("{}", "{\"expression\":42}", "{\"offset\":-1,"
                + "\"expressions\":[\"1\"]}", "{\"offset\":0,\"expressions\":[1,2]}", "{\"offset\":0,"
                + "\"expressions\":\"1+1\"}", "{\"offset\":2147483647,\"expressions\":[\"1\",\"2\"]}"))
                .as((job, payload) -> valid("expression payload " + payload, job, "\"expression\"", payload));
    }

    private static Arbitrary<Hostile> wrongFieldType() {
        return Combinators.combine(jobs(), Arbitraries.of(
                new String[]{"jobId", "\"not-a-uuid\""}, new String[]{"jobId", "42"},
                new String[]{"taskIndex", "\"zero\""}, new String[]{"taskIndex", "null"},
                new String[]{"taskCount", "{}"},
                new String[]{"jobType", "null"}, new String[]{"jobType", "[\"prime-count\"]"},
                new String[]{"payload", "[1,2]"}, new String[]{"payload", "\"from 1 to 9\""},
                new String[]{"payload", "null"})).as((job, replacement) -> {
                    Map<String, String> fields = fields(job, "0", "1", "\"prime-count\"", primePayload(1, 9));
                    fields.put(replacement[0], replacement[1]);
                    return message(replacement[0] + " as " + replacement[1], headers(job), ScatterEvents.JSON,
                            object(fields));
                });
    }

    private static Arbitrary<Hostile> notAnObject() {
        return Combinators.combine(jobs(), Arbitraries.of("[]", "42", "null", "\"task\"", "true", "[{}]", " "))
                .as((job, body) -> message("body " + body, headers(job), ScatterEvents.JSON, body));
    }

    private static Arbitrary<Hostile> attributeTwice() {
        return Combinators.combine(jobs(), Arbitraries.of("id", "type", "subject", "source"),
                Arbitraries.of("cloudEvents_", "CLOUDEVENTS:", "cloudevents:")).as((job, attribute, prefix) -> {
                    Map<String, Object> headers = headers(job);
                    headers.put(prefix + attribute, headers.get("cloudEvents:" + attribute));
                    return valid(attribute + " twice as " + prefix + attribute, headers, job);
                });
    }

    private static Arbitrary<Hostile> indexOutOfRange() {
        return Combinators.combine(jobs(), Arbitraries.of(new int[]{1, 1}, new int[]{-1, 5}, new int[]{0, 0},
                new int[]{5, 3}, new int[]{Integer.MIN_VALUE, 1})).as((job, indices) -> message(
                        "task " + indices[0] + " of " + indices[1], headers(job), ScatterEvents.JSON,
                        body(job, indices[0], indices[1], "\"prime-count\"", primePayload(1, 9))));
    }

    private static Hostile valid(String kind, Map<String, Object> headers, UUID job) {
        return message(kind, headers, ScatterEvents.JSON, body(job, 0, 1, "\"prime-count\"", primePayload(1, 9)));
    }

    private static Hostile valid(String kind, UUID job, String jobType, String payload) {
        return message(kind, headers(job), ScatterEvents.JSON, body(job, 0, 1, jobType, payload));
    }

    private static Hostile message(String kind, Map<String, Object> headers, String contentType, String body) {
        return message(kind, headers, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Hostile message(String kind, Map<String, Object> headers, String contentType, byte[] body) {
        return new Hostile(kind, new AMQP.BasicProperties.Builder().contentType(contentType).deliveryMode(2)
                .headers(headers).build(), body);
    }

    /** The headers of a valid task of {@code job}. */
    static Map<String, Object> headers(UUID job) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("cloudEvents:specversion", "1.0");
        headers.put("cloudEvents:id", job + "/0");
        headers.put("cloudEvents:source", Channels.API_SOURCE);
        headers.put("cloudEvents:type", TaskMessage.TYPE);
        headers.put("cloudEvents:subject", job.toString());
        headers.put("cloudEvents:time", "2026-11-25T12:00:00Z");
        return headers;
    }

    private static String primePayload(long from, long to) {
        return "{\"from\":" + from + ",\"to\":" + to + ",\"algorithm\":\"sieve\"}";
    }

    private static String body(UUID job, int index, int count, String jobType, String payload) {
        return body(job, String.valueOf(index), String.valueOf(count), jobType, payload);
    }

    private static String body(UUID job, String index, String count, String jobType, String payload) {
        return object(fields(job, index, count, jobType, payload));
    }

    private static Map<String, String> fields(UUID job, String index, String count, String jobType, String payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jobId", "\"" + job + "\"");
        fields.put("taskIndex", index);
        fields.put("taskCount", count);
        fields.put("jobType", jobType);
        fields.put("payload", payload);
        return fields;
    }

    private static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value));
        return json.append('}').toString();
    }

    private static String json(String text) {
        try {
            return Json.mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
