package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run} in local mode through the real engine's LocalRunner and the job types on the class path. */
class LocalModeOnTheEngineTest {

    @Test
    void theReadmeCommandCountsThePrimesUpToAMillion() {
        CliRun run = CliRun.of("run", "prime-count", "--from", "0", "--to", "1000000", "--workers", "2");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("78498\n");
        assertThat(run.err())
                .matches("prime-count from=0 to=1000000: SUCCEEDED in \\d+\\.\\d\\d s, 1 task, 1 worker\n");
    }

    @Test
    void manyTasksOnSeveralWorkersGiveTheSameAnswer() {
        CliRun run = CliRun.of("run", "prime-count", "--from", "0", "--to", "1000000", "--tasks", "10",
                "--workers", "2");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("78498\n");
        assertThat(run.err()).contains("SUCCEEDED", "10 tasks");
    }

    @Test
    void aReversedRangeIsExit2WithOneLineNamingTheFlag() {
        CliRun run = CliRun.of("run", "prime-count", "--from", "5", "--to", "1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("scatter: --from: input.from (5) must not be greater than input.to (1)\n");
    }

    @Test
    void aMisspelledInputFlagIsNamedWithTheFieldsTheTypeExpects() {
        CliRun run = CliRun.of("run", "prime-count", "--form", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: --form: input.form is not a known field; expected from, to\n");
    }

    @Test
    void aBadAlgorithmNamesTheAlgorithmFlag() {
        CliRun run = CliRun.of("run", "prime-count", "--from", "0", "--to", "10", "--algorithm", "guess");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("scatter: --algorithm: options.algorithm must be one of");
    }

    @Test
    void anUnknownJobTypeIsExit2ListingTheKnownTypes() {
        CliRun run = CliRun.of("run", "prime-sum", "--from", "0", "--to", "10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(
                "scatter: unknown job type 'prime-sum'; known types: expression, pi-estimate, prime-count\n");
    }

    @Test
    void jsonPrintsTheJobDocumentWithTheNormalisedInputAndOptions() throws Exception {
        CliRun run = CliRun.of("run", "prime-count", "--from", "0", "--to", "10000", "--algorithm", "trial-division",
                "--tasks", "4", "--workers", "2", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode job = Cli.mapper().readTree(run.out());
        assertThat(job.fieldNames()).toIterable().containsExactly("id", "type", "status", "input", "options",
                "progress", "result", "error", "createdAt", "startedAt", "finishedAt", "traceId");
        assertThat(job.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("input").toString()).isEqualTo("{\"from\":0,\"to\":10000}");
        assertThat(job.path("options").toString()).isEqualTo("{\"algorithm\":\"trial-division\",\"tasks\":4}");
        assertThat(job.path("progress").toString()).isEqualTo("{\"tasksTotal\":4,\"tasksDone\":4,\"percent\":100}");
        assertThat(job.path("result").toString()).isEqualTo("{\"count\":1229}");
        assertThat(job.path("finishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }
}
