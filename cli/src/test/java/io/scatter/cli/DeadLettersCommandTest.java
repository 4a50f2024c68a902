package io.scatter.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scatter dead-letters} and {@code scatter dead-letters retry ID} against a stand-in for the API. */
class DeadLettersCommandTest {

    private static final String JOB = "3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f";
    private static final String LETTER = "7c1e9a2b-5d4f-4e3a-8b2c-0d1e2f3a4b5c";
    private static final String OTHER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String RETRY = "POST /api/v1/dead-letters/" + LETTER + "/retry";

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
    void deadLettersPrintsATableNewestFirstAndPassesTheJobFilter() {
        api.on("GET /api/v1/dead-letters?jobId=" + JOB, 200, "{\"items\":["
                + letter(LETTER, JOB, "2", "unknown job type 'sum-of-squares'", "\"w-1\"", "DEAD") + ","
                + letter(OTHER, JOB, "0", "delivery_limit: delivered 5 times without an ack", "null", "RETRIED")
                + "],\"nextCursor\":null}");

        CliRun run = run("dead-letters", "--job", JOB);

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).containsExactly(
                "ID                                    JOB                                   TASK  REASON"
                        + "                                            ATTEMPTS  WORKER  DEAD-LETTERED AT      STATUS",
                LETTER + "  " + JOB + "  2     unknown job type 'sum-of-squares'                 5         w-1"
                        + "     2026-11-25T10:00:00Z  DEAD",
                OTHER + "  " + JOB + "  0     delivery_limit: delivered 5 times without an ack  5         -"
                        + "       2026-11-25T10:00:00Z  RETRIED");
        assertThat(api.requests().get(0).target()).isEqualTo("/api/v1/dead-letters?jobId=" + JOB);
    }

    @Test
    void aDeadLetterThatIsNotATaskShowsDashesAndALongReasonIsCut() {
        String reason = "malformed task message: " + "x".repeat(100);
        api.on("GET /api/v1/dead-letters?status=DEAD&limit=1", 200, "{\"items\":["
                + "{\"id\":\"" + LETTER + "\",\"jobId\":null,\"taskIndex\":null,\"reason\":\"" + reason + "\","
                + "\"attempts\":1,\"worker\":null,\"deadLetteredAt\":\"2026-11-25T10:00:00Z\",\"status\":\"DEAD\"}"
                + "],\"nextCursor\":\"ZDF8Mg\"}");

        CliRun run = run("dead-letters", "--status", "dead", "--limit", "1");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines().toList().get(1))
                .startsWith(LETTER + "  -    -     malformed task message: xxx")
                .contains("x…  1         -       2026-11-25T10:00:00Z  DEAD");
        assertThat(run.err()).isEqualTo("more dead letters: add --cursor ZDF8Mg\n");
    }

    @Test
    void deadLettersWithJsonPrintsThePageAsTheApiAnswered() {
        String page = "{\"items\":[" + letter(LETTER, JOB, "2", "rejected", "null", "DEAD") + "],\"nextCursor\":null}";
        api.on("GET /api/v1/dead-letters", 200, page);

        CliRun run = run("dead-letters", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(page + "\n");
    }

    @Test
    void retryPrintsTheReopenedJobAndTheTasksQueuedAgain() {
        api.on(RETRY, 200, "{\"deadLetter\":" + letter(LETTER, JOB, "2", "rejected", "\"w-1\"", "RETRIED")
                + ",\"job\":{\"id\":\"" + JOB + "\",\"status\":\"RUNNING\"},\"requeuedTasks\":[0,2,3]}");

        CliRun run = run("dead-letters", "retry", LETTER);

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("job " + JOB + " RUNNING, tasks 0, 2, 3 queued again\n");
        assertThat(run.err()).isEmpty();
        assertThat(api.requests().get(0).method()).isEqualTo("POST");
    }

    @Test
    void retryWithJsonPrintsTheAnswerAsItCameAndTheServerMayFollowTheCommand() {
        String answer = "{\"deadLetter\":{\"id\":\"" + LETTER + "\"},\"job\":{\"id\":\"" + JOB
                + "\",\"status\":\"RUNNING\"},\"requeuedTasks\":[1]}";
        api.on(RETRY, 200, answer);

        CliRun run = CliRun.of("dead-letters", "retry", LETTER, "--json", "--server", api.url());

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(answer + "\n");
    }

    @Test
    void retryingADeadLetterTwiceOrOfASucceededJobExitsWith2AndTheDetail() {
        api.on(RETRY, 409, "application/problem+json", "{\"status\":409,\"detail\":\"dead letter " + LETTER
                + " was already retried at 2026-11-25T10:00:05Z\"}", Map.of());

        CliRun run = run("dead-letters", "retry", LETTER);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("scatter: dead letter " + LETTER
                + " was already retried at 2026-11-25T10:00:05Z\n");
    }

    @Test
    void retryingAnUnknownDeadLetterExitsWith2AndTheDetail() {
        api.on(RETRY, 404, "application/problem+json",
                "{\"status\":404,\"detail\":\"no dead letter has the id '" + LETTER + "'\"}", Map.of());

        CliRun run = run("dead-letters", "retry", LETTER);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: no dead letter has the id '" + LETTER + "'\n");
    }

    @Test
    void aServerErrorExitsWith1AndAnUnreachableServerWith3() throws Exception {
        api.on("GET /api/v1/dead-letters", 500, "text/html", "<html>boom</html>", Map.of());
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        CliRun failed = run("dead-letters");
        CliRun list = CliRun.of("--server", closed, "dead-letters");
        CliRun retry = CliRun.of("--server", closed, "dead-letters", "retry", LETTER);

        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("scatter: the Scatter API failed with HTTP 500\n");
        for (CliRun run : List.of(list, retry)) {
            assertThat(run.code()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("scatter: cannot reach the Scatter API at " + closed
                    + ": connection refused\n");
        }
    }

    @Test
    void badArgumentsExitWith2AndOneLineBeforeAskingTheApi() {
        CliRun badJob = run("dead-letters", "--job", "42");
        CliRun badStatus = run("dead-letters", "--status", "buried");
        CliRun badLimit = run("dead-letters", "--limit", "0");
        CliRun badId = run("dead-letters", "retry", "42");
        CliRun noId = run("dead-letters", "retry");

        assertThat(badJob.code()).isEqualTo(2);
        assertThat(badJob.err()).hasLineCount(1).contains("'42' is not a job id");
        assertThat(badStatus.code()).isEqualTo(2);
        assertThat(badStatus.err()).isEqualTo("scatter: --status must be DEAD or RETRIED, got 'buried'\n");
        assertThat(badLimit.code()).isEqualTo(2);
        assertThat(badId.code()).isEqualTo(2);
        assertThat(badId.err()).hasLineCount(1).contains("'42' is not a dead letter id");
        assertThat(noId.code()).isEqualTo(2);
        assertThat(noId.err()).hasLineCount(1).contains("'ID'");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void bothCommandsHaveHelpWithAnExample() {
        for (CliRun run : List.of(CliRun.of("dead-letters", "--help"), CliRun.of("help", "dead-letters"))) {
            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("Usage: scatter dead-letters").contains("Example", "--job", "retry",
                    "  scatter dead-letters --job ");
        }
        CliRun retry = CliRun.of("dead-letters", "retry", "--help");

        assertThat(retry.code()).isZero();
        assertThat(retry.out()).startsWith("Usage: scatter dead-letters retry").contains("Example",
                "  scatter dead-letters retry ", "RUNNING, tasks 0, 1, 2 queued again");
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server";
        all[1] = api.url();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    private static String letter(String id, String jobId, String taskIndex, String reason, String worker,
                                 String status) {
        return "{\"id\":\"" + id + "\",\"messageId\":\"m-" + id.substring(0, 4) + "\",\"jobId\":\"" + jobId + "\","
                + "\"taskIndex\":" + taskIndex + ",\"jobType\":\"prime-count\",\"reason\":\"" + reason + "\","
                + "\"attempts\":5,\"worker\":" + worker + ",\"deadLetteredAt\":\"2026-11-25T10:00:00Z\","
                + "\"payload\":{\"from\":0,\"to\":99},\"status\":\"" + status + "\",\"failedJob\":true}";
    }
}
