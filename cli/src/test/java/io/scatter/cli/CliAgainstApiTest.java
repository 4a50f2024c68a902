package io.scatter.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The server commands against a stand-in for the API on a local port. */
class CliAgainstApiTest {

    private static final String ID = "3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f";
    private static final String JOB = "/api/v1/jobs/" + ID;
    private static final String SUMMARY = "prime-count from=0 to=1000000: SUCCEEDED in 1.25 s, 10 tasks\n";

    private FakeApi api;

    @BeforeEach
    void startApi() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void submitWithWaitPollsUntilTheJobSucceededAndPrintsTheBareResult() {
        api.on("POST /api/v1/jobs", 202, "application/json", job("QUEUED", 0, ""), Map.of("Retry-After", "1"))
                .on("GET " + JOB, 200, job("RUNNING", 4, ""))
                .on("GET " + JOB, 200, job("SUCCEEDED", 10, ",\"result\":{\"count\":78498}"));

        CliRun run = run("submit", "prime-count", "--from", "0", "--to", "1000000", "--tasks", "10", "--wait");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("78498\n");
        assertThat(run.err()).as("a plain progress line after a second, as stderr is no terminal")
                .matches("job 3f2a9c4e: 4/10 tasks \\(40%\\), \\d+\\.\\d tasks/s, ETA \\d+ s\n" + SUMMARY);
        FakeApi.Request submit = api.requests().get(0);
        assertThat(submit.method()).isEqualTo("POST");
        assertThat(submit.header("Content-Type")).isEqualTo("application/json");
        assertThat(submit.body()).isEqualTo("{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":1000000},"
                + "\"options\":{\"tasks\":10}}");
        assertThat(api.requests()).hasSize(3);
    }

    @Test
    void submitWithoutWaitPrintsTheJobIdAloneAndSendsTheIdempotencyKey() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""));

        CliRun run = run("submit", "prime-count", "--from", "0", "--to", "100", "--idempotency-key", "k-1");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(ID + "\n");
        assertThat(api.requests().get(0).header("Idempotency-Key")).isEqualTo("k-1");
    }

    @Test
    void submitWithWaitAndJsonPrintsTheFinalDocumentExactlyAsTheApiAnswered() {
        String done = job("SUCCEEDED", 10, ",\"result\":{\"count\":78498},\"error\":null");
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, "")).on("GET " + JOB, 200, done);

        CliRun run = run("submit", "prime-count", "--to", "1000000", "--wait", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(done + "\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void submitWithWaitOnATerminalDrawsAProgressBarOnStderr() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("SUCCEEDED", 10, ",\"result\":{\"count\":4,\"largest\":7}"));

        CliRun run = CliRun.with(Map.of(), true, "--server", api.url(), "submit", "prime-count", "--to", "10",
                "--wait");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("{\"count\":4,\"largest\":7}\n");
        assertThat(run.err()).startsWith("\rjob 3f2a9c4e [").contains("0/10 tasks", "100%", "10/10 tasks",
                "SUCCEEDED\n" + SUMMARY);
    }

    @Test
    void runWithAServerSubmitsTheJobThereAndWaitsForIt() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("SUCCEEDED", 10, ",\"result\":{\"count\":78498}"));

        CliRun run = run("run", "prime-count", "--from", "0", "--to", "1000000");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("78498\n");
        assertThat(run.err()).isEqualTo(SUMMARY);
    }

    @Test
    void ctrlCDuringRunWithAServerCancelsTheJobThereAndExitsWith1() throws Exception {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("RUNNING", 3, ""))
                .on("DELETE " + JOB, 200, job("CANCELLED", 3, ""));
        AtomicInteger halted = new AtomicInteger(-1);
        Interrupts interrupts = new Interrupts(halted::set);
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.in(Map.of(), false,
                new FakeLocalJobs(), interrupts, "--server", api.url(), "run", "prime-count", "--to", "1000000"));
        while (api.requests().stream().noneMatch(request -> request.method().equals("GET"))) {
            Thread.sleep(20);
        }

        CompletableFuture<Void> hook = CompletableFuture.runAsync(interrupts::shutdown);
        while (api.requests().stream().noneMatch(request -> request.method().equals("DELETE"))) {
            Thread.sleep(20);
        }
        api.on("GET " + JOB, 200, job("CANCELLED", 3, ""));
        CliRun run = running.get(10, TimeUnit.SECONDS);
        interrupts.finished(run.code());
        hook.get(10, TimeUnit.SECONDS);

        assertThat(run.code()).isEqualTo(1);
        assertThat(halted.get()).isEqualTo(1);
        assertThat(run.err()).endsWith("scatter: job " + ID + " was cancelled\n");
    }

    @Test
    void waitingRidesOutABrieflyUnavailableApi() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 503, "application/problem+json",
                        "{\"status\":503,\"detail\":\"the database is unavailable; try again later\"}",
                        Map.of("Retry-After", "5"))
                .on("GET " + JOB, 200, job("SUCCEEDED", 10, ",\"result\":{\"count\":25}"));

        CliRun run = run("submit", "prime-count", "--to", "100", "--wait");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("25\n");
    }

    @Test
    void aFailedJobExitsWith1WithTheSummaryAndItsErrorOnStderr() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("FAILED", 3, ",\"error\":\"task 3 failed: ArithmeticException\""));

        CliRun run = run("submit", "prime-count", "--to", "10", "--wait");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "prime-count from=0 to=1000000: FAILED in 1.25 s, 3/10 tasks",
                "scatter: job " + ID + " failed: task 3 failed: ArithmeticException");
    }

    @Test
    void aCancelledJobExitsWith1() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("CANCELLED", 3, ""));

        CliRun run = run("submit", "prime-count", "--to", "10", "--wait");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).endsWith("scatter: job " + ID + " was cancelled\n");
    }

    @Test
    void aRejectedInputFieldExitsWith2AndOneLineNamingTheFlag() {
        api.on("POST /api/v1/jobs", 400, "application/problem+json", """
                {"type":"about:blank","title":"Bad Request","status":400,
                 "detail":"must be an integer between 0 and 1000000000000000,\\n got -5","field":"input.from"}
                """, Map.of());

        CliRun run = run("submit", "prime-count", "--from", "-5", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(
                "scatter: --from: input.from: must be an integer between 0 and 1000000000000000, got -5\n");
    }

    @Test
    void aRejectedTypeExitsWith2AndTheDetail() {
        api.on("POST /api/v1/jobs", 400, "application/problem+json",
                "{\"status\":400,\"detail\":\"unknown job type 'prime-sum'; known types: prime-count\","
                        + "\"field\":\"type\"}", Map.of());

        CliRun run = run("submit", "prime-sum", "--from", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: unknown job type 'prime-sum'; known types: prime-count\n");
    }

    @Test
    void anUnknownJobExitsWith2AndTheDetail() {
        api.on("GET " + JOB, 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no job " + ID + "\"}", Map.of());

        for (String command : List.of("status", "watch")) {
            CliRun run = run(command, ID);

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("scatter: no job " + ID + "\n");
        }
    }

    @Test
    void theKeyInScatterApiKeyIsSentAsABearerToken() {
        api.on("GET " + JOB, 200, job("RUNNING", 4, ""));

        CliRun run = CliRun.with(Map.of("SCATTER_API_KEY", "sk_test"), false, "--server", api.url(), "status", ID);

        assertThat(run.code()).isZero();
        assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer sk_test");
    }

    @Test
    void withoutScatterApiKeyNoAuthorizationIsSent() {
        api.on("GET " + JOB, 200, job("RUNNING", 4, ""));

        run("status", ID);

        assertThat(api.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void aRefusedKeyExitsWith2AndOneLineSayingWhatToSet() {
        api.on("GET /api/v1/jobs", 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the API key is not valid\"}",
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));

        CliRun run = CliRun.with(Map.of("SCATTER_API_KEY", "sk_wrong"), false, "--server", api.url(), "jobs");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: the Scatter API at " + api.url() + " refused the request: "
                + "the API key is not valid; check SCATTER_API_KEY\n");
    }

    @Test
    void aServerErrorExitsWith1AndOneLine() {
        api.on("GET /api/v1/jobs", 500, "text/html", "<html><body>\nboom\n</body></html>", Map.of());

        CliRun run = run("jobs");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("scatter: the Scatter API failed with HTTP 500\n");
    }

    @Test
    void anUnreachableServerExitsWith3AndSaysWhereItTried() throws Exception {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
        List<List<String>> commands = List.of(List.of("status", ID), List.of("watch", ID), List.of("cancel", ID),
                List.of("jobs"), List.of("workers"), List.of("submit", "prime-count", "--to", "10", "--wait"),
                List.of("run", "prime-count", "--to", "10"));

        for (List<String> command : commands) {
            CliRun run = CliRun.of(concat(List.of("--server", closed), command));

            assertThat(run.code()).as(command.get(0)).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("scatter: cannot reach the Scatter API at " + closed
                    + ": connection refused\n");
        }
    }

    @Test
    void theServerComesFromTheEnvironmentWhenNoFlagIsGivenAndTheFlagMayFollowTheCommand() {
        api.on("GET " + JOB, 200, job("RUNNING", 5, ""));

        CliRun fromEnvironment = CliRun.with(Map.of("SCATTER_SERVER", api.url() + "/"), false, "status", ID);
        CliRun fromFlag = CliRun.with(Map.of("SCATTER_SERVER", "http://127.0.0.1:1"), false, "status", ID,
                "--server", api.url());

        assertThat(fromEnvironment.code()).isZero();
        assertThat(fromFlag.code()).isZero();
        assertThat(api.requests()).hasSize(2);
    }

    @Test
    void theDefaultServerIsPort8080OnThisMachine() throws Exception {
        CliContext context = new CliContext(Map.of(), System.out, System.err, false, Cli.mapper(),
                new FakeLocalJobs(), Interrupts.ignored(), System::nanoTime);

        assertThat(context.api(null).server()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void statusPrintsTheJobDocumentAsPrettyJsonOrWithJsonExactly() {
        String running = job("RUNNING", 5, "");
        api.on("GET " + JOB, 200, running);

        CliRun pretty = run("status", ID);
        CliRun compact = run("status", ID, "--json");

        assertThat(pretty.code()).isZero();
        assertThat(pretty.out()).startsWith("{\n  \"id\" : \"" + ID + "\",\n").contains("\"status\" : \"RUNNING\"");
        assertThat(compact.out()).isEqualTo(running + "\n");
    }

    @Test
    void watchFollowsARunningJobUntilItEndsAndPrintsTheAnswer() {
        api.on("GET " + JOB, 200, job("RUNNING", 5, ""))
                .on("GET " + JOB, 200, job("SUCCEEDED", 10, ",\"result\":{\"count\":78498}"));

        CliRun run = run("watch", ID);

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("78498\n");
        assertThat(run.err()).isEqualTo(SUMMARY);
        assertThat(api.requests()).hasSize(2);
    }

    @Test
    void watchingAJobThatAlreadyEndedAsksOnce() {
        api.on("GET " + JOB, 200, job("FAILED", 3, ",\"error\":\"boom\""));

        CliRun run = run("watch", ID);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).endsWith("scatter: job " + ID + " failed: boom\n");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void watchOnATerminalShowsTheBarAndWithJsonPrintsTheFinalDocument() {
        String done = job("SUCCEEDED", 10, ",\"result\":{\"count\":78498}");
        api.on("GET " + JOB, 200, job("RUNNING", 5, "")).on("GET " + JOB, 200, done);

        CliRun run = CliRun.with(Map.of(), true, "--server", api.url(), "watch", ID, "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(done + "\n");
        assertThat(run.err()).startsWith("\rjob 3f2a9c4e [").contains("5/10 tasks", "10/10 tasks")
                .doesNotContain("prime-count from=");
    }

    @Test
    void jobsPrintsATableAndPassesTheFilterAndLimit() {
        api.on("GET /api/v1/jobs?status=RUNNING&limit=2", 200,
                "{\"items\":[" + job("RUNNING", 5, "") + "],\"nextCursor\":\"djF8MjAyNg\"}");

        CliRun run = run("jobs", "--status", "running", "--limit", "2");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "ID                                    TYPE         STATUS   PROGRESS  CREATED",
                ID + "  prime-count  RUNNING  50%       2026-11-25T10:00:00Z");
        assertThat(run.err()).isEqualTo("more jobs: add --cursor djF8MjAyNg\n");
    }

    @Test
    void jobsWithJsonPrintsThePageAsTheApiAnswered() {
        String page = "{\"items\":[" + job("RUNNING", 5, "") + "],\"nextCursor\":null}";
        api.on("GET /api/v1/jobs", 200, page);

        CliRun run = run("jobs", "--json");

        assertThat(run.out()).isEqualTo(page + "\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void cancelPrintsTheNewStatus() {
        api.on("DELETE " + JOB, 200, job("CANCELLED", 5, ""));

        CliRun run = run("cancel", ID);

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("CANCELLED\n");
    }

    @Test
    void cancelReadsTheStatusBackWhenTheAnswerHasNoBody() {
        api.on("DELETE " + JOB, 204, "application/json", "", Map.of())
                .on("GET " + JOB, 200, job("CANCELLED", 5, ""));

        CliRun run = run("cancel", ID);

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("CANCELLED\n");
    }

    @Test
    void cancellingAJobThatAlreadyEndedExitsWith2AndTheDetail() {
        api.on("DELETE " + JOB, 409, "application/problem+json",
                "{\"status\":409,\"detail\":\"the job is already SUCCEEDED and cannot become CANCELLED\"}",
                Map.of());

        CliRun run = run("cancel", ID);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: the job is already SUCCEEDED and cannot become CANCELLED\n");
    }

    @Test
    void workersOnAServerWithoutTheEndpointIsOneLineAndExit1() {
        CliRun run = run("workers");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("scatter: this server has no /api/v1/workers endpoint\n");
        assertThat(api.requests().get(0).target()).isEqualTo("/api/v1/workers");
    }

    @Test
    void workersPrintsATableOfTheWorkersTheApiKnows() {
        api.on("GET /api/v1/workers", 200, "{\"items\":[{\"name\":\"pi-1\",\"status\":\"UP\",\"concurrency\":4,"
                + "\"tasksDone\":120,\"lastSeenAt\":\"2026-11-25T10:00:00Z\"},{\"name\":\"pi-2\"}]}");

        CliRun run = run("workers");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "NAME  STATUS  CONCURRENCY  TASKS DONE  LAST SEEN",
                "pi-1  UP      4            120         2026-11-25T10:00:00Z",
                "pi-2  -       -            -           -");
    }

    @Test
    void workersShowsTheWorkersAsTheApiListsThemFromTheirHeartbeats() {
        api.on("GET /api/v1/workers", 200, "{\"items\":["
                + "{\"name\":\"hb-1\",\"host\":\"vm\",\"pid\":25673,\"status\":\"ALIVE\",\"concurrency\":2,"
                + "\"tasksDone\":2,\"tasksFailed\":0,\"currentTasks\":[{\"jobId\":\"" + ID + "\",\"taskIndex\":2,"
                + "\"startedAt\":\"2026-11-25T19:09:07.987Z\"}],\"startedAt\":\"2026-11-25T19:08:58.268Z\","
                + "\"lastSeenAt\":\"2026-11-25T19:09:08.415Z\"},"
                + "{\"name\":\"hb-2\",\"host\":\"pi\",\"pid\":4242,\"status\":\"LOST\",\"concurrency\":4,"
                + "\"tasksDone\":120,\"tasksFailed\":3,\"currentTasks\":[],\"startedAt\":\"2026-11-25T18:00:00Z\","
                + "\"lastSeenAt\":\"2026-11-25T19:01:00.250Z\"},"
                + "{\"name\":\"hb-3\",\"host\":\"pi\",\"pid\":77,\"status\":\"STOPPING\",\"concurrency\":1,"
                + "\"tasksDone\":0,\"tasksFailed\":0,\"currentTasks\":[],\"startedAt\":\"2026-11-25T19:09:00Z\","
                + "\"lastSeenAt\":\"2026-11-25T19:09:09Z\"}]}");

        CliRun run = run("workers");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).containsExactly(
                "NAME  STATUS    CONCURRENCY  TASKS DONE  LAST SEEN",
                "hb-1  ALIVE     2            2           2026-11-25T19:09:08.415Z",
                "hb-2  LOST      4            120         2026-11-25T19:01:00.250Z",
                "hb-3  STOPPING  1            0           2026-11-25T19:09:09Z");
    }

    @Test
    void workersWithJsonPrintsTheAnswerAsItCame() {
        String body = "[{\"name\":\"pi-1\"}]";
        api.on("GET /api/v1/workers", 200, body);

        assertThat(run("workers", "--json").out()).isEqualTo(body + "\n");
    }

    private CliRun run(String... args) {
        return CliRun.of(concat(List.of("--server", api.url()), List.of(args)));
    }

    private static String[] concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }

    /** A job document shaped as the API's, finished 1.25 s after it was created when its status is final. */
    private static String job(String status, int tasksDone, String more) {
        boolean finished = List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status);
        return "{\"id\":\"" + ID + "\",\"type\":\"prime-count\",\"status\":\"" + status + "\","
                + "\"input\":{\"from\":0,\"to\":1000000},\"options\":{\"algorithm\":\"sieve\",\"tasks\":10},"
                + "\"progress\":{\"tasksTotal\":10,\"tasksDone\":" + tasksDone + ",\"percent\":" + tasksDone * 10
                + "},\"createdAt\":\"2026-11-25T10:00:00Z\""
                + (finished ? ",\"finishedAt\":\"2026-11-25T10:00:01.250Z\"" : "") + more + "}";
    }
}
