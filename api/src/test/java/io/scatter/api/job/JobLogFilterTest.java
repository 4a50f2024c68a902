package io.scatter.api.job;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JobLogFilterTest {

    private static final String ID = "5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/jobs/" + ID, "/api/v1/jobs/" + ID + "/tasks"})
    void aPathOfOneJobOrBelowItNamesTheJob(String path) {
        assertThat(JobLogFilter.jobId(path)).contains(UUID.fromString(ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/jobs", "/api/v1/jobs/", "/api/v1/jobs/not-a-uuid/tasks", "/api/v1/workers",
            "/api/v1/dead-letters/" + ID})
    void otherPathsNameNoJob(String path) {
        assertThat(JobLogFilter.jobId(path)).isEmpty();
    }
}
