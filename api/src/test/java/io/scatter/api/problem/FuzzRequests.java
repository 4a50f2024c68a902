package io.scatter.api.problem;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Generators of hostile HTTP requests to every endpoint: mutated bodies, bad ids, parameters and headers. */
final class FuzzRequests {

    private static final List<String> WEIRD_VALUES = List.of("1e400", "-1e400", "-0", "-0.0", "0.0", "1.5", "NaN",
            "\"NaN\"", "Infinity", "-Infinity", "\"Infinity\"", "99999999999999999999999999999",
            "-9223372036854775809", "9223372036854775807", "9223372036854775808", "1.0000000000000001", "1E15",
            "1e-400", "0x10", "010", "+1", ".5", "true", "false", "null", "[]", "{}", "\"\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\u202e\u0000\"", "\"\\\"", "[1,2,3]", "{\"$gt\":0}",
            "\"'; DROP TABLE jobs; --\"", "\"${jndi:ldap://127.0.0.1/x}\"", "\"%s%n%x\"", "undefined", "'single'");
    private static final List<String> BAD_IDS = List.of("", "42", "-1", "0", "null", "undefined", "%00", "%ZZ",
            "..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "1-1-1-1-1",
            "00000000-0000-0000-0000-0000",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "{00000000-0000-0000-0000-000000000000}", "%F0%9F%92%A5", "%ED%A0%80", "%C0%AF", "x".repeat(5000),
            "a%20b", "a;b=c", "*", "%25", "%u0041");
    private static final List<String> QUERY_VALUES = List.of("", "0", "-1", "1", "20", "100", "101", "1000", "1001",
            "1e3", "0x10", "99999999999999999999", "-9223372036854775808", "NaN", "%00", "%ZZ", "QUEUED", "queued",
            "DONE", "DEAD", "RETRIED", "%F0%9F%92%A5", "bm90LWEtY3Vyc29y", "eyJ0IjoiMjAyNiJ9", "AAAA", "====",
            "%2B%2F%3D", "a".repeat(3000), "%ED%A0%80");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=x-bogus",
            "application/json;;;", "application/JSON", "text/plain", "text/html", "application/xml",
            "application/problem+json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "*/*", "", "garbage", "application/", "/json", "application/json; boundary=\"\u00ff\"");
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/problem+json",
            "application/xml", "text/html", "text/plain", "application/json;q=0", "garbage", "", "*/*;q=abc",
            "application/*", "image/png, */*;q=0");

    private FuzzRequests() {
    }

    /** Job submissions: valid-ish bodies with mutated values and structure, odd content types and headers. */
    static Arbitrary<FuzzRequest> jobSubmissions() {
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(6, mutated(jobBodies())), Tuple.of(1, oddBodies())),
                        contentTypes(), headers(), Arbitraries.of(false, false, false, true))
                .as((body, contentType, headers, chunked) -> new FuzzRequest("POST", "/api/v1/jobs",
                        concat(contentType, headers), body.getBytes(StandardCharsets.UTF_8), chunked));
    }

    /** dalc submissions of mutated expression bodies. */
    static Arbitrary<FuzzRequest> dalcSubmissions() {
        Arbitrary<String> expressions = Arbitraries.oneOf(Arbitraries.of("1 + 1", "2 * (3 + 4)", "1 / 0", "9^9^9^9",
                        "(".repeat(5000) + "1" + ")".repeat(5000), "1" + " + 1".repeat(5000), "sqrt(-1)", "0.1e999999",
                        "1e-999999 * 1e999999", "", " ", "\u0000", "\ud800").map(FuzzRequests::quoted),
                Arbitraries.strings().ofMaxLength(200).map(FuzzRequests::quoted), weirdValues());
        Arbitrary<String> bodies = mutated(expressions.map(expression -> "{\"expression\":" + expression + "}"));
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(5, bodies), Tuple.of(1, oddBodies())),
                        contentTypes(), headers())
                .as((body, contentType, headers) -> new FuzzRequest("POST", "/tasks", concat(contentType, headers),
                        body.getBytes(StandardCharsets.UTF_8), false));
    }

    /** Reads of every resource with good, mutated and bad ids and parameters; never a request that changes state. */
    static Arbitrary<FuzzRequest> reads(List<String> storedIds) {
        Arbitrary<String> ids = ids(storedIds);
        Arbitrary<String> targets = Arbitraries.oneOf(
                ids.map(id -> "/api/v1/jobs/" + id),
                Combinators.combine(ids, query("limit", "cursor")).as((id, q) -> "/api/v1/jobs/" + id + "/tasks" + q),
                query("status", "limit", "cursor").map(q -> "/api/v1/jobs" + q),
                query("jobId", "status", "limit", "cursor").map(q -> "/api/v1/dead-letters" + q),
                ids.map(id -> "/api/v1/dead-letters/" + id),
                query("limit", "x").map(q -> "/api/v1/workers" + q),
                ids.map(id -> "/api/v1/job-types/" + id),
                query("id").map(q -> "/tasks" + q),
                Arbitraries.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                        "/actuator/prometheus", "/actuator/info", "/actuator/env", "/actuator/heapdump",
                        "/v3/api-docs", "/swagger-ui.html", "/api/v1", "/api/v2/jobs", "/api/v1/jobs/", "//api/v1/jobs",
                        "/api/v1/jobs/..;/workers", "/api/v1/./jobs", "/%2e%2e/%2e%2e/etc/passwd", "/error",
                        "/api/v1/jobs%00", "/api/v1/jobs?status=QUEUED&status=RUNNING", "/tasks?id=1&id=2",
                        "/api/v1/job-types", "/api/v1/job-types/prime-count", "/api/v1/job-types/"));
        return Combinators.combine(targets, Arbitraries.of("GET", "GET", "GET", "HEAD", "OPTIONS"), headers())
                .as((target, method, headers) -> new FuzzRequest(method, target, headers, null, false));
    }

    /** State-changing requests (cancel, retry) and unsupported methods, on ids that are not the stored jobs'. */
    static Arbitrary<FuzzRequest> writes() {
        Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of(BAD_IDS), randomUuids(),
                Arbitraries.strings().ofMaxLength(80).map(FuzzRequests::encoded));
        Arbitrary<String> targets = Arbitraries.oneOf(ids.map(id -> "/api/v1/jobs/" + id),
                ids.map(id -> "/api/v1/dead-letters/" + id + "/retry"), ids.map(id -> "/api/v1/dead-letters/" + id),
                Arbitraries.of("/api/v1/jobs", "/api/v1/workers", "/tasks", "/api/v1/dead-letters",
                        "/api/v1/job-types", "/api/v1/job-types/prime-count", "/actuator/health"));
        Arbitrary<String> methods = Arbitraries.of("DELETE", "POST", "PUT", "PATCH", "TRACE", "FOO", "CONNECT");
        return Combinators.combine(methods, targets, Arbitraries.oneOf(oddBodies(), mutated(jobBodies())),
                        contentTypes(), headers())
                .as((method, target, body, contentType, headers) -> new FuzzRequest(method, target,
                        concat(contentType, headers), body.getBytes(StandardCharsets.UTF_8), false));
    }

    /** Requests that are not quite HTTP: raw unicode, spaces and control characters in targets and headers. */
    static Arbitrary<FuzzRequest> brokenRequests() {
        Arbitrary<String> targets = Arbitraries.oneOf(Arbitraries.of("/api/v1/jobs/\u00e9", "/api/v1/jobs/\ud83d\udca5",
                        "/api/v1/jobs?status=\u0000", "/api/v1/jobs/a b", "/api/v1/jobs\t", "api/v1/jobs", "*",
                        "http://127.0.0.1/api/v1/jobs", "/api/v1/jobs#frag", "/api/v1/jobs?%",
                        "/" + "a".repeat(20_000)),
                Arbitraries.strings().ofMaxLength(60).map(s -> "/api/v1/jobs/" + s));
        Arbitrary<List<Map.Entry<String, String>>> headers = Arbitraries.oneOf(headers(), Arbitraries.of(
                List.of(Map.entry("Idempotency-Key", "\u0001\u0002")), List.of(Map.entry("X-Big", "b".repeat(20_000))),
                List.of(Map.entry("Bad Name", "x")), List.of(Map.entry("", "x")),
                List.of(Map.entry("Content-Length", "-1")), List.of(Map.entry("Content-Length", "abc")),
                List.of(Map.entry("Accept", "\u00ff\u00fe")), List.of(Map.entry("Idempotency-Key", "\ud83d\udca5"))));
        return Combinators.combine(Arbitraries.of("GET", "POST", "get"), targets, headers)
                .as((method, target, h) -> new FuzzRequest(method, target, h, null, false));
    }

    private static Arbitrary<String> jobBodies() {
        Arbitrary<String> type = normalOrWeird("\"prime-count\"", Arbitraries.of("\"expression\"", "\"pi-estimate\"",
                "\"PRIME-COUNT\"", "\"prime-count \"", "\"../prime-count\""));
        Arbitrary<String> from = normalOrWeird("0", Arbitraries.longs().map(String::valueOf));
        Arbitrary<String> to = normalOrWeird("10000", Arbitraries.longs().between(-1, 2_000_000_000_000_000L)
                .map(String::valueOf));
        Arbitrary<String> tasks = normalOrWeird("4", Arbitraries.integers().map(String::valueOf));
        Arbitrary<String> algorithm = normalOrWeird("\"sieve\"", Arbitraries.of("\"trial-division\"", "\"SIEVE\""));
        return Combinators.combine(type, from, to, tasks, algorithm).as((t, f, u, n, a) ->
                "{\"type\":" + t + ",\"input\":{\"from\":" + f + ",\"to\":" + u + "},\"options\":{\"tasks\":" + n
                        + ",\"algorithm\":" + a + "}}");
    }

    private static Arbitrary<String> normalOrWeird(String normal, Arbitrary<String> alternatives) {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(normal)), Tuple.of(1, alternatives),
                Tuple.of(2, weirdValues()));
    }

    private static Arbitrary<String> weirdValues() {
        return Arbitraries.oneOf(Arbitraries.of(WEIRD_VALUES), Arbitraries.strings().ofMaxLength(40)
                .map(FuzzRequests::quoted), Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
                java.math.BigInteger.TEN.pow(30)).map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of(10, 1_500, 20_000).map(FuzzRequests::nested));
    }

    /** Structural mutations of a JSON body: duplicate keys, truncation, trailing garbage, flipped bytes. */
    private static Arbitrary<String> mutated(Arbitrary<String> bodies) {
        return Combinators.combine(bodies, Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0,
                        10_000), Arbitraries.strings().ofMaxLength(20))
                .as((body, kind, position, garbage) -> switch (kind) {
                    case 0 -> body.substring(0, position % (body.length() + 1));
                    case 1 -> body + garbage;
                    case 2 -> body.replaceFirst("\\{", "{\"type\":\"x\",");
                    case 3 -> body.replaceFirst("\\{", "{\"" + garbage.replace("\"", "") + "\":1,");
                    case 4 -> flip(body, position);
                    case 5 -> "[" + body + "]";
                    default -> body;
                });
    }

    private static Arbitrary<String> oddBodies() {
        return Arbitraries.oneOf(Arbitraries.of("", "null", "[]", "{}", "\"\"", "0", "{\"input\":{}}", "\uFEFF{}",
                        "{\"type\":\"prime-count\",\"input\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}",
                        " ".repeat(70_000) + "{}"), Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of(100, 2_000, 10_000, 30_000).map(FuzzRequests::nested));
    }

    private static Arbitrary<String> ids(List<String> storedIds) {
        Arbitrary<String> stored = Arbitraries.of(storedIds);
        return Arbitraries.frequencyOf(Tuple.of(2, stored), Tuple.of(2, stored.map(id -> id.toUpperCase(Locale.ROOT))),
                Tuple.of(2, stored.map(id -> id.substring(1))), Tuple.of(2, stored.map(id -> id + "0")),
                Tuple.of(1, stored.map(id -> id.replace('-', '_'))), Tuple.of(3, Arbitraries.of(BAD_IDS)),
                Tuple.of(2, randomUuids()),
                Tuple.of(3, Arbitraries.strings().ofMaxLength(60).map(FuzzRequests::encoded)));
    }

    private static Arbitrary<String> randomUuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((high, low) ->
                new UUID(high, low).toString());
    }

    private static Arbitrary<String> query(String... names) {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(QUERY_VALUES),
                Arbitraries.strings().ofMaxLength(40).map(FuzzRequests::encoded));
        List<Arbitrary<String>> parameters = new ArrayList<>();
        for (String name : names) {
            parameters.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(2, values.map(value -> name + "=" + value))));
        }
        return Combinators.combine(parameters).as(present -> {
            String joined = String.join("&", present.stream().filter(p -> !p.isEmpty()).toList());
            return joined.isEmpty() ? "" : "?" + joined;
        });
    }

    private static Arbitrary<List<Map.Entry<String, String>>> headers() {
        Arbitrary<List<Map.Entry<String, String>>> accept = Arbitraries.of(ACCEPTS).injectNull(0.3)
                .map(value -> value == null ? List.of() : List.of(Map.entry("Accept", value)));
        Arbitrary<List<Map.Entry<String, String>>> key = Arbitraries.oneOf(Arbitraries.just(""),
                        Arbitraries.just("k".repeat(256)), Arbitraries.just("\u00e9t\u00e9"),
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(300))
                .injectNull(0.6).map(value -> value == null ? List.of() : List.of(Map.entry("Idempotency-Key", value)));
        Arbitrary<List<Map.Entry<String, String>>> extra = Arbitraries.of(List.<Map.Entry<String, String>>of(),
                List.of(Map.entry("Content-Encoding", "gzip")), List.of(Map.entry("X-Forwarded-For", "::1, garbage")),
                List.of(Map.entry("traceparent", "00-zz-zz-01")), List.of(Map.entry("Accept-Charset", "utf-1024")),
                List.of(Map.entry("Range", "bytes=-1")), List.of(Map.entry("If-None-Match", "*")));
        return Combinators.combine(accept, key, extra).as((a, k, e) -> {
            List<Map.Entry<String, String>> all = new ArrayList<>(a);
            all.addAll(k);
            all.addAll(e);
            return all;
        });
    }

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.of(CONTENT_TYPES).injectNull(0.05);
    }

    private static List<Map.Entry<String, String>> concat(String contentType, List<Map.Entry<String, String>> headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        if (contentType != null) {
            all.add(Map.entry("Content-Type", contentType));
        }
        all.addAll(headers);
        return all;
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String flip(String body, int position) {
        if (body.isEmpty()) {
            return body;
        }
        int at = position % body.length();
        return body.substring(0, at) + (char) (body.charAt(at) ^ 0x20) + body.substring(at + 1);
    }
}
