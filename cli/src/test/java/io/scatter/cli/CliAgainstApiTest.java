package io.scatter.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliAgainstApiTest {

    private static final String ID = "3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f";
    private static final String JOB = "/api/v1/jobs/" + ID;

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
        assertThat(run.err()).isEmpty();
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
    void submitWithWaitOnATerminalDrawsAProgressBarOnStderr() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("SUCCEEDED", 10, ",\"result\":{\"count\":4,\"largest\":7}"));

        CliRun run = CliRun.with(Map.of(), true, "--server", api.url(), "submit", "prime-count", "--to", "10",
                "--wait");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("{\"count\":4,\"largest\":7}\n");
        assertThat(run.err()).startsWith("\rjob 3f2a9c4e [").contains("100%", "10/10 tasks", "SUCCEEDED");
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
    void aFailedJobExitsWith1AndItsErrorOnStderr() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("FAILED", 3, ",\"error\":\"task 3 failed: ArithmeticException\""));

        CliRun run = run("submit", "prime-count", "--to", "10", "--wait");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("job " + ID + " failed: task 3 failed: ArithmeticException\n");
    }

    @Test
    void aCancelledJobExitsWith1() {
        api.on("POST /api/v1/jobs", 202, job("QUEUED", 0, ""))
                .on("GET " + JOB, 200, job("CANCELLED", 3, ""));

        CliRun run = run("submit", "prime-count", "--to", "10", "--wait");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("job " + ID + " was cancelled\n");
    }

    @Test
    void aRejectedRequestExitsWith2AndTheProblemDetailPrefixedByItsFieldOnOneLine() {
        api.on("POST /api/v1/jobs", 400, "application/problem+json", """
                {"type":"about:blank","title":"Bad Request","status":400,
                 "detail":"must be an integer between 0 and 1000000000000000,\\n got -5","field":"input.from"}
                """, Map.of());

        CliRun run = run("submit", "prime-count", "--from", "-5", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("input.from: must be an integer between 0 and 1000000000000000, got -5\n");
    }

    @Test
    void anUnknownJobExitsWith2AndTheDetail() {
        api.on("GET " + JOB, 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no job " + ID + "\"}", Map.of());

        CliRun run = run("status", ID);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("no job " + ID + "\n");
    }

    @Test
    void aServerErrorExitsWith1AndOneLine() {
        api.on("GET /api/v1/jobs", 500, "text/html", "<html><body>\nboom\n</body></html>", Map.of());

        CliRun run = run("jobs");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("the Scatter API failed with HTTP 500\n");
    }

    @Test
    void anUnreachableServerExitsWith1AndSaysWhereItTried() throws Exception {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        CliRun run = CliRun.of("--server", closed, "status", ID);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cannot reach the Scatter API at " + closed + ": connection refused\n");
    }

    @Test
    void theServerComesFromTheEnvironmentWhenNoFlagIsGiven() {
        api.on("GET " + JOB, 200, job("RUNNING", 5, ""));

        CliRun run = CliRun.with(Map.of("SCATTER_SERVER", api.url() + "/"), false, "status", ID);

        assertThat(run.code()).isZero();
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void statusPrintsTheJobDocumentAsPrettyJson() {
        api.on("GET " + JOB, 200, job("RUNNING", 5, ""));

        CliRun run = run("status", ID);

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("{\n  \"id\" : \"" + ID + "\",\n").contains("\"status\" : \"RUNNING\"");
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
        assertThat(run.err()).isEqualTo("the job is already SUCCEEDED and cannot become CANCELLED\n");
    }

    private CliRun run(String... args) {
        String[] withServer = new String[args.length + 2];
        withServer[0] = "--server";
        withServer[1] = api.url();
        System.arraycopy(args, 0, withServer, 2, args.length);
        return CliRun.of(withServer);
    }

    private static String job(String status, int tasksDone, String more) {
        return "{\"id\":\"" + ID + "\",\"type\":\"prime-count\",\"status\":\"" + status + "\",\"tasksDone\":"
                + tasksDone + ",\"tasksTotal\":10,\"createdAt\":\"2026-11-25T10:00:00Z\"" + more + "}";
    }
}
