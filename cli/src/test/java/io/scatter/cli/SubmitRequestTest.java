package io.scatter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmitRequestTest {

    private final ObjectMapper json = new ObjectMapper();

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
    void otherOptionsGoToTheInputAsIntegersWhenTheyReadAsIntegersElseAsStrings() throws Exception {
        assertThat(body("word-count", "--limit", "-12", "--text", "hello world", "--ratio", "0.5",
                "--huge", "123456789012345678901234567890"))
                .isEqualTo("{\"type\":\"word-count\",\"input\":{\"limit\":-12,\"text\":\"hello world\","
                        + "\"ratio\":\"0.5\",\"huge\":123456789012345678901234567890},\"options\":{}}");
    }

    @Test
    void inputTakesAWholeJsonObjectAndSingleOptionsAreAddedToIt() throws Exception {
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
    void aRangeBoundThatIsNotAnIntegerIsAUsageError() {
        assertThatThrownBy(() -> body("prime-count", "--from", "ten"))
                .isInstanceOf(UsageException.class).hasMessage("--from must be an integer, got 'ten'");
    }

    @Test
    void aTaskCountBelowOneIsAUsageError() {
        assertThatThrownBy(() -> body("prime-count", "--tasks", "0"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--tasks must be between 1 and");
    }

    @Test
    void aMissingJobTypeIsAUsageError() {
        assertThatThrownBy(() -> body()).isInstanceOf(UsageException.class).hasMessageContaining("missing job type");
    }

    private String body(String... args) throws UsageException {
        return SubmitRequest.from(Arguments.parse(args), json).toString();
    }
}
