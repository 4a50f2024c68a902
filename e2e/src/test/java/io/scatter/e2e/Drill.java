package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A reliability drill: starts a {@link ScatterCluster}, submits jobs whose answers are known, runs a chaos action
 * (killing, stopping or restarting parts of the system at moments drawn from a seeded {@link Random}) while they are
 * being computed, submits a few more jobs once the chaos is over, waits (bounded) for every job to end, and checks each
 * one — answer, job row, task rows — into a {@link DrillReport}: one line, printed, and asserted clean by the test.
 *
 * <pre>{@code
 * DrillReport report = Drill.named("worker-sigkill")
 *         .cluster(ScatterCluster.builder().workers(2))
 *         .chaos(drill -> { drill.pause(500, 3000); drill.cluster().workers().get(0).kill(); return "1 kill"; })
 *         .run();
 * report.assertClean();
 * }</pre>
 *
 * <p>System properties: {@code scatter.drill.seed} replays a run (its seed is in the report line);
 * {@code scatter.drill.timeout-seconds} bounds the wait for the jobs after the chaos (default 300).
 */
final class Drill {

    /** The file, under {@code e2e/target}, that every report line is appended to (the launcher prints it). */
    static final Path RESULTS = ScatterProcess.ROOT.resolve("e2e/target/drill-results.txt");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration FIRST_PROGRESS_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> UNFINISHED = List.of("QUEUED", "RUNNING");

    private final String name;
    private ScatterCluster.Builder cluster = ScatterCluster.builder();
    private List<KnownJob> before = standardJobs();
    private List<KnownJob> after = jobsAfterChaos();
    private Chaos chaos;
    private Restore restore = () -> { };
    private Check check = drill -> List.of();
    private Evidence evidence = drill -> "";

    private Drill(String name) {
        this.name = name;
    }

    static Drill named(String name) {
        return new Drill(name);
    }

    /** What the drill does to the running cluster; returns a short description for the report, e.g. "5 kills". */
    @FunctionalInterface
    interface Chaos {
        String run(Context drill) throws Exception;
    }

    /** Puts back whatever the chaos may have taken away (a stopped service); runs even when the chaos failed. */
    @FunctionalInterface
    interface Restore {
        void run() throws Exception;
    }

    /** Checks the cluster once every job has ended, before it is closed; returns what is wrong, if anything. */
    @FunctionalInterface
    interface Check {
        List<String> problems(Context drill) throws Exception;
    }

    /** Tells, once every job has ended, what the chaos made the system do, e.g. "API retried 5 results". */
    @FunctionalInterface
    interface Evidence {
        String describe(Context drill) throws Exception;
    }

    /**
     * A job with a known answer.
     *
     * @param label     how failures name it
     * @param body      the POST body
     * @param answer    the verdict on the {@code result} of the job once SUCCEEDED
     * @param failsWith null for a job that must succeed; else what the error of a job that must end FAILED contains
     */
    record KnownJob(String label, String body, Function<JsonNode, Verdict> answer, String failsWith) {

        KnownJob(String label, String body, Function<JsonNode, Verdict> answer) {
            this(label, body, answer, null);
        }

        /** A job that must end FAILED with an error containing {@code error}. */
        static KnownJob failing(String label, String body, String error) {
            return new KnownJob(label, body, result -> Verdict.WRONG, error);
        }

        /** A prime-count job over [0, to] whose answer is {@code count}. */
        static KnownJob primeCount(long to, String algorithm, int tasks, long count) {
            return new KnownJob("pi(" + to + ") " + algorithm + "/" + tasks, """
                    {"type":"prime-count","input":{"from":0,"to":%d},"options":{"algorithm":"%s","tasks":%d}}"""
                    .formatted(to, algorithm, tasks), result -> {
                        if (result == null || !result.path("count").canConvertToLong()) {
                            return Verdict.WRONG;
                        }
                        long counted = result.get("count").asLong();
                        // Each task adds its count in: more than the answer means a task was counted twice.
                        return counted == count ? Verdict.CORRECT
                                : counted > count ? Verdict.DUPLICATED : Verdict.WRONG;
                    });
        }

        /** An expression job whose exact value is {@code value}. */
        static KnownJob expression(String expression, String value) {
            return new KnownJob(expression, """
                    {"type":"expression","input":{"expression":"%s"}}""".formatted(expression), result ->
                    result != null && value.equals(result.path("value").asText(null))
                            ? Verdict.CORRECT : Verdict.WRONG);
        }

        /** An expression batch split into one task per expression; each must come back once, with its value. */
        static KnownJob expressions(Map<String, String> values) {
            List<String> expressions = List.copyOf(values.keySet());
            StringBuilder list = new StringBuilder();
            for (String expression : expressions) {
                list.append(list.isEmpty() ? "" : ",").append('"').append(expression).append('"');
            }
            return new KnownJob("batch of " + expressions.size() + " expressions", """
                    {"type":"expression","input":{"expressions":[%s]},"options":{"tasks":%d}}"""
                    .formatted(list, expressions.size()), result -> {
                        JsonNode results = result == null ? null : result.get("results");
                        if (results == null || !results.isArray()) {
                            return Verdict.WRONG;
                        }
                        if (results.size() > expressions.size()) {
                            return Verdict.DUPLICATED;
                        }
                        if (results.size() < expressions.size()) {
                            return Verdict.WRONG;
                        }
                        for (JsonNode one : results) {
                            int index = one.path("index").asInt(-1);
                            if (index < 0 || index >= expressions.size()
                                    || !"COMPLETED".equals(one.path("status").asText())
                                    || !values.get(expressions.get(index)).equals(one.path("value").asText())) {
                                return Verdict.WRONG;
                            }
                        }
                        return Verdict.CORRECT;
                    });
        }
    }

    /** How a finished job's result compares with its known answer. */
    enum Verdict { CORRECT, WRONG, DUPLICATED }

    /**
     * The jobs submitted before the chaos: about half a minute of trial division on two cores (800 tasks), so that
     * the chaos lands while they are being computed, plus sieves and expressions.
     */
    static List<KnownJob> standardJobs() {
        Map<String, String> batch = new LinkedHashMap<>();
        batch.put("(1 + 2) * 3 / 4", "2.25");
        batch.put("2^64", "18446744073709551616");
        batch.put("-7 % 3", "-1");
        return List.of(
                KnownJob.primeCount(20_000_000, "trial-division", 200, 1_270_607),
                KnownJob.primeCount(10_000_000, "trial-division", 200, 664_579),
                KnownJob.primeCount(20_000_000, "trial-division", 150, 1_270_607),
                KnownJob.primeCount(10_000_000, "trial-division", 100, 664_579),
                KnownJob.primeCount(10_000_000, "trial-division", 150, 664_579),
                KnownJob.primeCount(100_000_000, "sieve", 40, 5_761_455),
                KnownJob.primeCount(1_000_000, "sieve", 8, 78_498),
                KnownJob.expression("2^64", "18446744073709551616"),
                KnownJob.expressions(batch));
    }

    /** The jobs submitted once the chaos is over: the recovered cluster must take new work too. */
    static List<KnownJob> jobsAfterChaos() {
        return List.of(
                KnownJob.primeCount(1_000_000, "trial-division", 10, 78_498),
                KnownJob.expression("2^64", "18446744073709551616"));
    }

    Drill cluster(ScatterCluster.Builder builder) {
        this.cluster = builder;
        return this;
    }

    Drill jobs(List<KnownJob> jobs) {
        this.before = List.copyOf(jobs);
        return this;
    }

    Drill jobsAfter(List<KnownJob> jobs) {
        this.after = List.copyOf(jobs);
        return this;
    }

    Drill chaos(Chaos action) {
        this.chaos = action;
        return this;
    }

    /** Runs after the chaos, even a failed one, and before the cluster is closed: restart what may be stopped. */
    Drill restore(Restore action) {
        this.restore = action;
        return this;
    }

    /** Checks more than the jobs, e.g. that a resumed worker still runs; its problems fail the report. */
    Drill check(Check extra) {
        this.check = extra;
        return this;
    }

    /** Adds what the chaos made the system do to the report line, after the chaos's own description. */
    Drill evidence(Evidence describe) {
        this.evidence = describe;
        return this;
    }

    /** Runs the drill and returns its report, already printed; the cluster is gone when it returns. */
    DrillReport run() throws Exception {
        Objects.requireNonNull(chaos, "chaos");
        long seed = Long.getLong("scatter.drill.seed", new Random().nextLong() & 0xFFFF_FFFFL);
        Duration finishTimeout = Duration.ofSeconds(Long.getLong("scatter.drill.timeout-seconds", 300));
        try (ScatterCluster started = cluster.start()) {
            Context context = new Context(started, new Random(seed));
            context.note("seed " + seed + "; logs in " + started.logs());
            ExecutorService submitters = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "drill-submitter");
                thread.setDaemon(true);
                return thread;
            });
            context.submitters = submitters;
            try {
                for (KnownJob job : before) {
                    context.track(job, context.submit(job));
                }
                context.awaitFirstProgress();
                String description;
                try {
                    context.note("chaos begins");
                    description = chaos.run(context);
                } finally {
                    restore.run();
                }
                long chaosEnded = System.nanoTime();
                context.note("chaos over: " + description);
                for (Future<?> submission : context.background) {
                    try {
                        submission.get(SUBMIT_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        context.unsubmitted.add(String.valueOf(e.getCause().getMessage()));
                    }
                }
                for (KnownJob job : after) {
                    context.track(job, context.submit(job));
                }
                long lastFinished = context.awaitAllFinished(finishTimeout);
                String seen = evidence.describe(context);
                if (!seen.isEmpty()) {
                    description += ", " + seen;
                }
                DrillReport report = context.report(name, seed, description,
                        Duration.ofNanos(Math.max(0, lastFinished - chaosEnded)), check.problems(context));
                publish(report);
                return report;
            } finally {
                submitters.shutdownNow();
            }
        }
    }

    private static void publish(DrillReport report) throws IOException {
        System.out.println(report.line());
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, report.line() + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** What a chaos action may use: the cluster, the seeded randomness, and the jobs' progress. */
    static final class Context {

        /** Below this many tasks left, {@link #keepBusy()} adds a job. */
        static final int BUSY_TASKS = 60;

        private final ScatterCluster cluster;
        private final Random random;
        private final long started = System.nanoTime();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final List<Tracked> jobs = new ArrayList<>();
        private final List<Future<?>> background = new ArrayList<>();
        private final List<String> unsubmitted = new ArrayList<>();
        private final AtomicInteger retried = new AtomicInteger();
        private ExecutorService submitters;
        private int submissions;

        private Context(ScatterCluster cluster, Random random) {
            this.cluster = cluster;
            this.random = random;
        }

        ScatterCluster cluster() {
            return cluster;
        }

        Random random() {
            return random;
        }

        /** Sleeps a random time between {@code minMillis} and {@code maxMillis}. */
        void pause(int minMillis, int maxMillis) throws InterruptedException {
            Thread.sleep(minMillis + random.nextInt(maxMillis - minMillis + 1));
        }

        /** How many submissions the API accepted only on a second or later attempt (same Idempotency-Key). */
        int retriedSubmissions() {
            return retried.get();
        }

        /** How many lines of the logs of the processes named {@code prefix…} contain {@code text}. */
        long logLines(String prefix, String text) throws IOException {
            long lines = 0;
            try (var logs = Files.list(cluster.logs())) {
                for (Path log : logs.filter(path -> path.getFileName().toString().startsWith(prefix)).toList()) {
                    try (var content = Files.lines(log, StandardCharsets.UTF_8)) {
                        lines += content.filter(line -> line.contains(text)).count();
                    }
                }
            }
            return lines;
        }

        /** Prints a time-stamped note to the test output (not part of the report line). */
        void note(String text) {
            System.out.printf(Locale.ROOT, "[drill +%.1f s] %s%n", (System.nanoTime() - started) / 1e9, text);
        }

        /** How many jobs have not been seen to end yet (asking the API; those it cannot answer for count). */
        synchronized int unfinished() {
            int count = 0;
            for (Tracked job : jobs) {
                if (job.finishedAt == 0) {
                    poll(job);
                    count += job.finishedAt == 0 ? 1 : 0;
                }
            }
            return count;
        }

        /**
         * Makes sure the next strike lands mid-job: when fewer than {@value #BUSY_TASKS} tasks are left, submits one
         * more known-answer job (π(10⁷) = 664579 by trial division, 200 tasks; checked like every other) and waits
         * until its first task is done. Returns how many jobs are unfinished.
         */
        int keepBusy() throws Exception {
            int unfinished = unfinished();
            if (tasksLeft() < BUSY_TASKS) {
                KnownJob more = KnownJob.primeCount(10_000_000, "trial-division", 200, 664_579);
                String id = submit(more);
                Tracked added = track(more, id);
                Poll.until("job " + id + " to start", FIRST_PROGRESS_TIMEOUT, () -> {
                    synchronized (this) {
                        poll(added);
                    }
                    return added.last == null ? 0 : added.last.path("progress").path("tasksDone").asInt();
                }, done -> done > 0 || added.finishedAt != 0);
                note("submitted one more job to keep the workers busy: " + id);
                unfinished = unfinished();
            }
            return unfinished;
        }

        /** Tasks not yet done of the jobs not yet seen to end, as of the last polls. */
        private synchronized int tasksLeft() {
            int left = 0;
            for (Tracked job : jobs) {
                if (job.finishedAt == 0) {
                    JsonNode progress = job.last == null ? null : job.last.get("progress");
                    left += progress == null ? BUSY_TASKS
                            : progress.path("tasksTotal").asInt() - progress.path("tasksDone").asInt();
                }
            }
            return left;
        }

        /**
         * Submits {@code job} on another thread, retrying with the same Idempotency-Key until the API accepts it, so
         * that it may be in flight when the chaos strikes; the drill waits for it after the chaos.
         */
        synchronized void submitInBackground(KnownJob job) {
            String key = nextKey();
            background.add(submitters.submit(() -> {
                String id = submit(job, key);
                synchronized (this) {
                    track(job, id);
                }
                return id;
            }));
        }

        private String nextKey() {
            return "drill-" + UUID.randomUUID() + "-" + (++submissions);
        }

        private String submit(KnownJob job) throws Exception {
            String key;
            synchronized (this) {
                key = nextKey();
            }
            return submit(job, key);
        }

        /** POSTs {@code job} with {@code idempotencyKey} until it is accepted: a retry never makes a second job. */
        private String submit(KnownJob job, String idempotencyKey) throws Exception {
            long deadline = System.nanoTime() + SUBMIT_TIMEOUT.toNanos();
            String last = "nothing yet";
            int attempts = 0;
            while (System.nanoTime() < deadline) {
                attempts++;
                try {
                    HttpResponse<String> response = http.send(cluster.client().request("/api/v1/jobs")
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", idempotencyKey)
                            .POST(HttpRequest.BodyPublishers.ofString(job.body())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202 || response.statusCode() == 200) {
                        String id = JSON.readTree(response.body()).get("id").asText();
                        if (attempts > 1) {
                            retried.incrementAndGet();
                            note("submitted " + job.label() + " as " + id + " after " + attempts + " attempts");
                        }
                        return id;
                    }
                    if (response.statusCode() < 500) {
                        throw new AssertionError("POST " + job.label() + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = e.toString();
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the API did not accept " + job.label() + " within " + SUBMIT_TIMEOUT
                    + "; last answer: " + last);
        }

        private synchronized Tracked track(KnownJob job, String id) {
            Tracked tracked = new Tracked(job, id);
            jobs.add(tracked);
            return tracked;
        }

        /** Waits until some task of the first jobs is done, so that the chaos strikes mid-job. */
        private void awaitFirstProgress() throws Exception {
            Poll.until("the first task to be done", FIRST_PROGRESS_TIMEOUT, () -> {
                int done = 0;
                synchronized (this) {
                    for (Tracked job : jobs) {
                        poll(job);
                        if (job.last != null) {
                            done += job.last.path("progress").path("tasksDone").asInt();
                        }
                    }
                }
                return done;
            }, done -> done > 0);
        }

        /** Polls until every job has ended or {@code timeout} passed; returns when the last was seen to end. */
        private long awaitAllFinished(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && unfinished() > 0) {
                Thread.sleep(200);
            }
            long last = 0;
            synchronized (this) {
                for (Tracked job : jobs) {
                    last = Math.max(last, job.finishedAt);
                }
            }
            return last == 0 ? System.nanoTime() : last;
        }

        /** One GET of {@code job}; an API that is down or answers 503 leaves what was seen before. */
        private void poll(Tracked job) {
            try {
                HttpResponse<String> response = http.send(cluster.client().request("/api/v1/jobs/" + job.id)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return;
                }
                job.last = JSON.readTree(response.body());
                if (!UNFINISHED.contains(job.last.path("status").asText()) && job.finishedAt == 0) {
                    job.finishedAt = System.nanoTime();
                }
            } catch (IOException e) {
                // down or restarting: try again on the next round
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized DrillReport report(String name, long seed, String description, Duration recovery,
                                                List<String> checked) throws SQLException, InterruptedException {
            int correct = 0;
            int wrong = 0;
            int lost = 0;
            int duplicated = 0;
            List<String> problems = new ArrayList<>(checked);
            try (Connection db = DriverManager.getConnection(cluster.databaseUrl(), "postgres", "")) {
                for (Tracked job : jobs) {
                    String status = job.last == null ? "UNKNOWN" : job.last.path("status").asText();
                    String what = job.job.label() + " (job " + job.id + ")";
                    TaskRows rows = taskRows(db, job.id);
                    boolean counted = false;
                    if (rows.tasksDone > rows.tasksTotal || rows.tasksDone != rows.succeededTasks) {
                        duplicated++;
                        counted = true;
                        problems.add(what + ": job row says " + rows.tasksDone + " of " + rows.tasksTotal
                                + " tasks done, but " + rows.succeededTasks + " task rows SUCCEEDED");
                    }
                    if (job.job.failsWith() != null) {
                        String error = job.last == null ? "" : job.last.path("error").asText("");
                        if (status.equals("FAILED") && error.contains(job.job.failsWith())) {
                            correct++;
                        } else {
                            wrong++;
                            problems.add(what + ": expected FAILED with \"" + job.job.failsWith() + "\", but "
                                    + status + (job.last == null ? "" : ", error " + job.last.path("error")));
                        }
                        continue;
                    }
                    if (!status.equals("SUCCEEDED")) {
                        lost++;
                        problems.add(what + ": " + status + (job.last == null ? ""
                                : ", " + job.last.path("progress") + ", error " + job.last.path("error")));
                        continue;
                    }
                    Verdict verdict = job.job.answer().apply(job.last.get("result"));
                    switch (verdict) {
                        case CORRECT -> correct++;
                        case WRONG -> {
                            wrong++;
                            problems.add(what + ": wrong answer " + job.last.get("result"));
                        }
                        case DUPLICATED -> {
                            wrong++;
                            duplicated += counted ? 0 : 1;
                            problems.add(what + ": answer too large (counted twice?) " + job.last.get("result"));
                        }
                    }
                }
                for (String failure : unsubmitted) {
                    lost++;
                    problems.add("a job submitted during the chaos was never accepted: " + failure);
                }
                long rowsOfJobs = count(db, "SELECT count(*) FROM jobs");
                if (rowsOfJobs > jobs.size()) {
                    duplicated += (int) (rowsOfJobs - jobs.size());
                    problems.add(rowsOfJobs + " job rows for " + jobs.size() + " submitted jobs");
                }
                int redelivered = (int) count(db, "SELECT count(*) FROM tasks WHERE attempts > 1");
                String deadLetters = deadLetters();
                if (!deadLetters.isEmpty()) {
                    problems.add("dead-lettered: " + deadLetters);
                }
                return new DrillReport(name, seed, description, redelivered, jobs.size() + unsubmitted.size(),
                        correct, wrong, lost,
                        duplicated, recovery, problems, cluster.logs());
            }
        }

        private static TaskRows taskRows(Connection db, String jobId) throws SQLException {
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT j.tasks_total, j.tasks_done,
                           (SELECT count(*) FROM tasks t WHERE t.job_id = j.id AND t.status = 'SUCCEEDED')
                    FROM jobs j WHERE j.id = ?""")) {
                query.setObject(1, UUID.fromString(jobId));
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? new TaskRows(row.getInt(1), row.getInt(2), row.getInt(3))
                            : new TaskRows(0, 0, 0);
                }
            }
        }

        private static long count(Connection db, String sql) throws SQLException {
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }

        /** The non-empty dead-letter queues of the cluster's vhost, e.g. "scatter.tasks.dead-letter 2". */
        private String deadLetters() throws InterruptedException {
            List<String> found = new ArrayList<>();
            try {
                String listing = cluster.vhost().rabbitmqctl("list_queues", "-p", cluster.vhost().name(),
                        "--no-table-headers", "name", "messages");
                for (String line : listing.split("\n")) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length == 2 && columns[0].endsWith(".dead-letter") && !columns[1].equals("0")) {
                        found.add(columns[0] + " " + columns[1]);
                    }
                }
            } catch (RuntimeException e) {
                found.add("(cannot list queues: " + e.getMessage() + ")");
            }
            return String.join(", ", found);
        }
    }

    private record TaskRows(int tasksTotal, int tasksDone, int succeededTasks) {
    }

    private static final class Tracked {
        private final KnownJob job;
        private final String id;
        private volatile JsonNode last;
        private volatile long finishedAt;

        private Tracked(KnownJob job, String id) {
            this.job = job;
            this.id = id;
        }
    }
}
