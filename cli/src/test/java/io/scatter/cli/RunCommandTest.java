package io.scatter.cli;

import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.UnknownJobTypeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run} in local mode, on a fake {@link LocalJobs}. */
class RunCommandTest {

    private final FakeLocalJobs local = new FakeLocalJobs();

    @Test
    void theAnswerAloneGoesToStdoutAndASummaryLineToStderr() {
        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "1000000",
                "--workers", "2");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("78498\n");
        assertThat(run.err()).isEqualTo("prime-count from=0 to=1000000: SUCCEEDED in 0.21 s, 10 tasks, 2 workers\n");
        assertThat(local.calls).containsExactly(new FakeLocalJobs.Call("prime-count",
                Map.of("from", 0L, "to", 1000000L), Map.of(), 2));
    }

    @Test
    void flagsBecomeInputAndOptionsWithoutTheCliKnowingTheJobType() {
        CliRun run = CliRun.local(local, false, "run", "--limit", "-12", "word-count", "--text=hello world",
                "--algorithm", "fast", "--tasks", "3", "--workers", "1");

        assertThat(run.code()).isZero();
        FakeLocalJobs.Call call = local.calls.get(0);
        assertThat(call.type()).isEqualTo("word-count");
        assertThat(call.input()).isEqualTo(Map.of("limit", -12L, "text", "hello world"));
        assertThat(call.options()).isEqualTo(Map.of("algorithm", "fast", "tasks", 3L));
    }

    @Test
    void theWorkersDefaultToTheNumberOfCores() {
        CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "10");

        assertThat(local.calls.get(0).workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void workersThatAreNotAnIntegerFrom1To1000AreExit2WithOneLineAndNothingRuns() {
        for (String workers : List.of("none", "0", "1001", "2.5")) {
            CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "10",
                    "--workers", workers);

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("scatter: --workers must be an integer between 1 and 1000, got '"
                    + workers + "'\n");
        }
        assertThat(local.calls).isEmpty();
    }

    @Test
    void inputTheJobTypeRejectsIsExit2WithOneLineNamingTheFlag() {
        local.throwing(new InvalidInputException("input.from", "input.from (5) must not be greater than input.to (1)"));

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "5", "--to", "1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("scatter: --from: input.from (5) must not be greater than input.to (1)\n");
    }

    @Test
    void aRejectedOptionNamesItsFlagEvenWhenItWasNotGiven() {
        local.throwing(new InvalidInputException("options.tasks", "options.tasks (20) must not be greater than 11"));

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "10");

        assertThat(run.err()).isEqualTo("scatter: --tasks: options.tasks (20) must not be greater than 11\n");
    }

    @Test
    void aRejectedFieldThatCameFromInputJsonNamesTheInputFlag() {
        local.throwing(new InvalidInputException("input.form", "input.form is not a known field; expected from, to"));

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--input", "{\"form\":1}", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: --input: input.form is not a known field; expected from, to\n");
    }

    @Test
    void anUnknownJobTypeIsExit2ListingTheKnownTypes() {
        local.throwing(new UnknownJobTypeException("prime-sum", List.of("prime-count", "range-sum")));

        CliRun run = CliRun.local(local, false, "run", "prime-sum", "--from", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(
                "scatter: unknown job type 'prime-sum'; known types: prime-count, range-sum\n");
    }

    @Test
    void aFailedJobIsExit1WithTheSummaryAndItsErrorOnStderr() {
        local.fails("task 3 failed: ArithmeticException");

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "prime-count from=0 to=10: FAILED in 0.21 s, 3/10 tasks, 2 workers",
                "scatter: job " + FakeLocalJobs.ID + " failed: task 3 failed: ArithmeticException");
    }

    @Test
    void aCancelledJobIsExit1AndSaysSo() {
        local.cancelledByItself();

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).endsWith("scatter: job " + FakeLocalJobs.ID + " was cancelled\n");
    }

    @Test
    void jsonPrintsTheFinalJobDocumentAsTheApiWouldAndNoSummary() {
        CliRun run = CliRun.local(local, false, "run", "prime-count", "--input", "{\"to\":1000000,\"from\":0}",
                "--tasks", "10", "--algorithm", "sieve", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("{\"id\":\"5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d\",\"type\":\"prime-count\","
                + "\"status\":\"SUCCEEDED\",\"input\":{\"from\":0,\"to\":1000000},"
                + "\"options\":{\"algorithm\":\"sieve\",\"tasks\":10},"
                + "\"progress\":{\"tasksTotal\":10,\"tasksDone\":10,\"percent\":100},\"result\":{\"count\":78498},"
                + "\"error\":null,\"createdAt\":\"2026-11-25T16:00:00.123Z\","
                + "\"startedAt\":\"2026-11-25T16:00:00.180Z\",\"finishedAt\":\"2026-11-25T16:00:00.390Z\",\"traceId\":null}\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonOfAFailedJobIsItsDocumentOnStdoutAndExit1() {
        local.fails("boom");

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "10", "--json");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("\"status\":\"FAILED\"", "\"result\":null", "\"error\":\"boom\"");
        assertThat(run.err()).isEqualTo("scatter: job " + FakeLocalJobs.ID + " failed: boom\n");
    }

    @Test
    void aResultWithSeveralFieldsIsPrintedAsCompactJson() {
        local.result(Map.of("count", 4, "largest", 7));

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "10");

        assertThat(run.out()).isEqualTo("{\"count\":4,\"largest\":7}\n");
    }

    @Test
    void onATerminalAProgressBarIsDrawnOnStderrBeforeTheSummary() {
        local.progress(0, 10).progress(5, 10);

        CliRun run = CliRun.local(local, true, "run", "prime-count", "--from", "0", "--to", "1000000");

        assertThat(run.out()).isEqualTo("78498\n");
        assertThat(run.err()).startsWith("\rjob 5b0c1d2e [").contains("0/10 tasks", "10/10 tasks", "100%")
                .endsWith("SUCCEEDED\nprime-count from=0 to=1000000: SUCCEEDED in 0.21 s, 10 tasks, 2 workers\n");
    }

    @Test
    void notOnATerminalAJobOfUnderASecondPrintsNoProgressLines() {
        local.progress(0, 10).progress(5, 10);

        CliRun run = CliRun.local(local, false, "run", "prime-count", "--from", "0", "--to", "1000000");

        assertThat(run.err()).hasLineCount(1).startsWith("prime-count from=0 to=1000000: SUCCEEDED");
    }

    @Test
    void ctrlCCancelsTheLocalJobAndTheProcessExitsWith1() throws Exception {
        local.untilCancelled();
        AtomicInteger halted = new AtomicInteger(-1);
        Interrupts interrupts = new Interrupts(halted::set);
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.in(Map.of(), false, local,
                interrupts, "run", "prime-count", "--from", "0", "--to", "1000000"));
        assertThat(local.running.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> hook = CompletableFuture.runAsync(interrupts::shutdown);
        CliRun run = running.get(10, TimeUnit.SECONDS);
        interrupts.finished(run.code());
        hook.get(10, TimeUnit.SECONDS);

        assertThat(run.code()).isEqualTo(1);
        assertThat(halted.get()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("CANCELLED in 1.50 s, 3/10 tasks", "was cancelled");
    }

    @Test
    void aJobCancelledBeforeItStartedIsExit1() {
        LocalJobs cancelledEarly = new LocalJobs() {
            @Override
            public io.scatter.engine.local.LocalRun run(String type, Map<String, Object> input,
                                                        Map<String, Object> options, int workers,
                                                        io.scatter.engine.local.ProgressListener listener)
                    throws InterruptedException {
                throw new InterruptedException("cancelled before the job started");
            }

            @Override
            public void cancel() {
            }
        };

        CliRun run = CliRun.local(cancelledEarly, false, "run", "prime-count", "--from", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("scatter: cancelled\n");
    }

    @Test
    void aMissingJobTypeIsExit2WithAnExample() {
        CliRun run = CliRun.local(local, false, "run", "--from", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1)
                .contains("missing job type, e.g. 'scatter run prime-count --from 0 --to 1000000'");
    }
}
