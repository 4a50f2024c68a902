package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drill: poison tasks among the standard jobs — one that always throws, one that halts its worker's JVM, one that hangs
 * past its deadline (the {@code poison} type of module drill-types, loaded as a plug-in) — while a supervisor, as
 * Kubernetes would, replaces every worker that dies. Each poisoned task must be dead-lettered after its last attempt,
 * with its reason, and fail its job; every other job must end exact, with nothing else dead-lettered. Part of the CI
 * subset.
 */
@Tag("drill")
@Tag("ci")
class PoisonDrillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration SUPERVISION = Duration.ofMinutes(5);
    /** The halting task kills at most one worker per allowed delivery; anything far beyond is another fault. */
    private static final int MAX_REPLACEMENTS = 12;
    private static final String DRILL_TYPES_JAR = "scatter-drill-types-[^-]+(-SNAPSHOT)?\\.jar";

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void poisonTasksAreDeadLetteredAndFailOnlyTheirJobs() throws Exception {
        String plugin = drillTypesJar().toString();
        List<Drill.KnownJob> jobs = new ArrayList<>(Drill.standardJobs());
        jobs.add(poison("throw", 20, 7, "poison task 7 always throws"));
        jobs.add(poison("halt", 20, 3, "delivery_limit"));
        jobs.add(poison("hang", 10, 4, "outran its deadline of PT3S"));
        Set<ScatterProcess> dead = new HashSet<>();
        DrillReport report = Drill.named("poison")
                .cluster(ScatterCluster.builder().workers(2).workerConcurrency(2)
                        .apiArgument("--plugins").apiArgument(plugin)
                        .workerArguments("--plugins", plugin))
                .jobs(jobs)
                .chaos(drill -> {
                    long deadline = System.nanoTime() + SUPERVISION.toNanos();
                    boolean allDeadLettered = false;
                    while (System.nanoTime() < deadline && !allDeadLettered) {
                        allDeadLettered = deadLetters(drill).size() >= 3;
                        replaceDead(drill, dead);
                        Thread.sleep(200);
                    }
                    return dead.size() + " workers replaced after they died";
                })
                .check(drill -> problems(deadLetters(drill)))
                .evidence(drill -> "dead letters " + summary(deadLetters(drill)))
                .run();

        report.assertClean();
    }

    /** Starts a new worker for each one that has died since the last call, as a supervisor would. */
    private static void replaceDead(Drill.Context drill, Set<ScatterProcess> dead) throws Exception {
        for (ScatterProcess worker : List.copyOf(drill.cluster().workers())) {
            if (!worker.isAlive() && dead.add(worker)) {
                if (dead.size() > MAX_REPLACEMENTS) {
                    throw new IllegalStateException(dead.size() + " workers died: more than the poison explains");
                }
                drill.note(worker.name() + " exited with status " + worker.exitValue() + "; starting a replacement");
                drill.cluster().startWorker("worker-" + (2 + dead.size()));
            }
        }
    }

    private static Drill.KnownJob poison(String how, int tasks, int poisoned, String error) {
        return Drill.KnownJob.failing("poison " + how + " task " + poisoned + "/" + tasks, """
                {"type":"poison","input":{"tasks":%d,"poisoned":%d,"how":"%s"}}""".formatted(tasks, poisoned, how),
                error);
    }

    /** What is wrong with the dead letters: exactly one per poisoned task, with its reason, attempts and job. */
    private static List<String> problems(List<JsonNode> deadLetters) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> byHow = new TreeMap<>();
        for (JsonNode letter : deadLetters) {
            String how = letter.path("payload").path("how").asText("");
            if (!letter.path("jobType").asText().equals("poison") || how.isEmpty()) {
                problems.add("a task that is not poisoned was dead-lettered: " + letter);
            } else if (byHow.put(how, letter) != null) {
                problems.add("poisoned task '" + how + "' dead-lettered twice");
            }
        }
        expect(problems, byHow.get("throw"), "IllegalStateException: poison task 7 always throws", true);
        expect(problems, byHow.get("hang"), "outran its deadline of PT3S", true);
        expect(problems, byHow.get("halt"), "delivery_limit", false);
        return problems;
    }

    private static void expect(List<String> problems, JsonNode letter, String reason, boolean namesWorker) {
        if (letter == null) {
            problems.add("no dead letter with reason '" + reason + "'");
            return;
        }
        if (!letter.path("reason").asText().contains(reason) || !letter.path("failedJob").asBoolean()
                || letter.path("attempts").asInt() < 5 || (namesWorker && letter.path("worker").isNull())) {
            problems.add("dead letter " + letter.path("reason") + " should have reason '" + reason + "', at least 5 "
                    + "attempts" + (namesWorker ? ", a worker" : "") + " and have failed its job: " + letter);
        }
    }

    private static String summary(List<JsonNode> deadLetters) {
        List<String> parts = new ArrayList<>();
        for (JsonNode letter : deadLetters) {
            parts.add(letter.path("payload").path("how").asText("?") + " after " + letter.path("attempts").asInt()
                    + " attempts (" + letter.path("reason").asText() + ")");
        }
        return "[" + String.join("; ", parts) + "]";
    }

    private static List<JsonNode> deadLetters(Drill.Context drill) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(drill.cluster().client().request("/api/v1/dead-letters?limit=100")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> letters = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).path("items").forEach(letters::add);
        }
        return letters;
    }

    /** The drill-types jar the reactor packaged before this module. */
    static Path drillTypesJar() throws IOException {
        try (Stream<Path> files = Files.list(ScatterProcess.ROOT.resolve("drill-types/target"))) {
            return files.filter(file -> file.getFileName().toString().matches(DRILL_TYPES_JAR))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("drill-types/target has no jar: package it first"));
        }
    }
}
