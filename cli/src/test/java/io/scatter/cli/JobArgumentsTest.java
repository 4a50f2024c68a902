package io.scatter.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobArgumentsTest {

    @CommandLine.Command(name = "submit")
    static final class Holder {
        @CommandLine.Mixin
        JobArguments job;
    }

    @Test
    void fromToAndTasksBecomeTheInputRangeAndTheTaskCountOption() throws Exception {
        assertThat(body("prime-count", "--from", "0", "--to", "1000000", "--tasks", "10"))
                .isEqualTo("{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":1000000},"
                        + "\"options\":{\"tasks\":10}}");
    }

    @Test
    void theAlgorithmGoesToTheOptions() throws Exception {
        assertThat(body("prime-count", "--algorithm", "trial-division", "--from=1", "--to=10"))
                .isEqualTo("{\"type\":\"prime-count\",\"input\":{\"from\":1,\"to\":10},"
                        + "\"options\":{\"algorithm\":\"trial-division\"}}");
    }

    @Test
    void otherFlagsGoToTheInputAsIntegersWhenTheyReadAsIntegersElseAsStrings() throws Exception {
        assertThat(body("word-count", "--limit", "-12", "--text", "hello world", "--ratio=0.5",
                "--huge", "123456789012345678901234567890"))
                .isEqualTo("{\"type\":\"word-count\",\"input\":{\"limit\":-12,\"text\":\"hello world\","
                        + "\"ratio\":\"0.5\",\"huge\":123456789012345678901234567890},\"options\":{}}");
    }

    @Test
    void theTypeMayComeAfterTheFlagsAndANegativeNumberIsAValue() throws Exception {
        assertThat(body("--offset", "-3", "--from", "-3", "shifted-count"))
                .isEqualTo("{\"type\":\"shifted-count\",\"input\":{\"from\":-3,\"offset\":-3},\"options\":{}}");
    }

    @Test
    void inputTakesAWholeJsonObjectAndFlagsAreAddedToIt() throws Exception {
        assertThat(body("prime-count", "--input", "{\"from\":5,\"to\":50}", "--to", "60"))
                .isEqualTo("{\"type\":\"prime-count\",\"input\":{\"from\":5,\"to\":60},\"options\":{}}");
    }

    @Test
    void inputThatIsNotAJsonObjectIsAUsageError() {
        assertThatThrownBy(() -> body("prime-count", "--input", "[1,2]"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--input must be a JSON object");
        assertThatThrownBy(() -> body("prime-count", "--input", "{broken"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--input must be a JSON object");
    }

    @Test
    void aRangeBoundOrTaskCountThatIsNotAnIntegerIsAUsageError() {
        assertThatThrownBy(() -> body("prime-count", "--from", "ten"))
                .isInstanceOf(UsageException.class).hasMessage("--from must be an integer, got 'ten'");
        assertThatThrownBy(() -> body("prime-count", "--tasks", "many"))
                .isInstanceOf(UsageException.class).hasMessage("--tasks must be an integer, got 'many'");
    }

    @Test
    void theRangeOfATaskCountIsLeftToTheJobType() throws Exception {
        assertThat(body("prime-count", "--tasks", "0")).contains("\"options\":{\"tasks\":0}");
    }

    @Test
    void aFreeFlagAtTheEndOrBeforeAnotherFlagIsMissingItsValue() {
        assertThatThrownBy(() -> body("word-count", "--text"))
                .isInstanceOf(UsageException.class).hasMessage("--text needs a value");
        assertThatThrownBy(() -> body("word-count", "--text", "--limit", "5"))
                .isInstanceOf(UsageException.class).hasMessage("--text needs a value, got --limit");
    }

    @Test
    void aFreeFlagGivenTwiceIsAUsageError() {
        assertThatThrownBy(() -> body("word-count", "--text", "a", "--text=b"))
                .isInstanceOf(UsageException.class).hasMessage("--text is given more than once");
    }

    @Test
    void aSecondWordOrASingleDashOptionIsAUsageError() {
        assertThatThrownBy(() -> body("prime-count", "primes"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument 'primes' after the job type prime-count");
        assertThatThrownBy(() -> body("prime-count", "-v"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option '-v'");
    }

    @Test
    void aMissingJobTypeIsAUsageErrorWithTheExample() {
        assertThatThrownBy(() -> body("--from", "1"))
                .isInstanceOf(UsageException.class).hasMessage("missing job type, e.g. 'the example'");
    }

    @Test
    void optionSetsAnyOptionOfTheJobTypeAsAnIntegerOrAString() throws Exception {
        JobRequest request = request("pi-estimate", "--samples", "1000", "--option", "seed=7", "--option",
                "mode=fast");

        assertThat(request.options().get("seed").asLong()).isEqualTo(7);
        assertThat(request.options().get("mode").asText()).isEqualTo("fast");
        assertThat(request.flagFor("options.seed")).isEqualTo("--option");
    }

    @Test
    void optionCannotRepeatADedicatedFlag() {
        assertThatThrownBy(() -> request("prime-count", "--tasks", "3", "--option", "tasks=4"))
                .isInstanceOf(UsageException.class).hasMessage("--option tasks repeats --tasks");
    }

    @Test
    void anElementOfAListIsTracedBackToTheFlagThatSetTheList() throws Exception {
        JobRequest request = request("expression", "--input", "{\"expressions\":[\"1\",\"(\"]}");

        assertThat(request.flagFor("input.expressions[1]")).isEqualTo("--input");
        assertThat(request.flagFor("input.values[0]")).isEqualTo("--values");
    }

    @Test
    void everyFieldIsTracedBackToTheFlagThatSetIt() throws Exception {
        JobRequest request = request("word-count", "--input", "{\"text\":\"a\",\"from\":1}", "--from", "2",
                "--limit", "5", "--tasks", "3");

        assertThat(request.flagFor("input.text")).isEqualTo("--input");
        assertThat(request.flagFor("input.from")).isEqualTo("--from");
        assertThat(request.flagFor("input.limit")).isEqualTo("--limit");
        assertThat(request.flagFor("options.tasks")).isEqualTo("--tasks");
        assertThat(request.flagFor("input.to")).isEqualTo("--to");
        assertThat(request.flagFor("input.range.low")).isEqualTo("--range");
        assertThat(request.flagFor("type")).isNull();
        assertThat(request.flagFor(null)).isNull();
        assertThat(request.explain("input.text", "input.text is too short")).isEqualTo(
                "--input: input.text is too short");
        assertThat(request.explain("type", "type is required")).isEqualTo("type is required");
    }

    @Test
    void theInputAndOptionsReachLocalModeAsPlainJavaValues() throws Exception {
        JobRequest request = request("word-count", "--input", "{\"ratio\":0.5,\"tags\":[\"a\"]}", "--limit", "5",
                "--tasks", "3");

        assertThat(request.inputMap(Cli.mapper())).containsEntry("ratio", new java.math.BigDecimal("0.5"))
                .containsEntry("tags", java.util.List.of("a")).containsKey("limit");
        assertThat(((Number) request.inputMap(Cli.mapper()).get("limit")).longValue()).isEqualTo(5);
        assertThat(request.optionsMap(Cli.mapper())).containsOnlyKeys("tasks");
        assertThat(Map.copyOf(request.flags())).containsEntry("input.limit", "--limit");
    }

    private static String body(String... args) throws UsageException {
        return request(args).body(Cli.mapper()).toString();
    }

    private static JobRequest request(String... args) throws UsageException {
        Holder holder = new Holder();
        new CommandLine(holder).setUnmatchedOptionsArePositionalParams(true).parseArgs(args);
        return holder.job.request(Cli.mapper(), "the example");
    }
}
