package io.scatter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobViewTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void progressIsReadAsAPercentageOrAsTaskCountsAtTheTopOrInAProgressObject() throws Exception {
        assertThat(view("{\"progress\":42}").percent()).hasValue(42);
        assertThat(view("{\"percent\":7}").percent()).hasValue(7);
        assertThat(view("{\"progress\":{\"percent\":33}}").percent()).hasValue(33);
        assertThat(view("{\"progress\":{\"tasksDone\":1,\"tasksTotal\":4}}").percent()).hasValue(25);
        assertThat(view("{\"tasksDone\":2,\"tasksTotal\":3}").percent()).hasValue(66);
        assertThat(view("{\"status\":\"SUCCEEDED\"}").percent()).hasValue(100);
        assertThat(view("{\"status\":\"RUNNING\"}").percent()).isEmpty();
    }

    @Test
    void onlySucceededFailedAndCancelledAreFinished() throws Exception {
        assertThat(view("{\"status\":\"SUCCEEDED\"}").isFinished()).isTrue();
        assertThat(view("{\"status\":\"FAILED\"}").isFinished()).isTrue();
        assertThat(view("{\"status\":\"CANCELLED\"}").isFinished()).isTrue();
        assertThat(view("{\"status\":\"RUNNING\"}").isFinished()).isFalse();
        assertThat(view("{}").isFinished()).isFalse();
    }

    @Test
    void itsProgressIsWhatTheProgressDisplaysShow() throws Exception {
        JobView running = view("{\"id\":\"3f2a9c4e-0b1d\",\"status\":\"RUNNING\","
                + "\"progress\":{\"tasksTotal\":10,\"tasksDone\":5,\"percent\":50}}");

        assertThat(JobProgress.of(running)).isEqualTo(new JobProgress("3f2a9c4e-0b1d", "RUNNING", 5, 10, 50));
        assertThat(JobProgress.of(view("{}"))).isEqualTo(new JobProgress("?", "UNKNOWN", 0, 0, -1));
    }

    private JobView view(String document) throws Exception {
        return new JobView(json.readTree(document));
    }
}
