package io.scatter.api.log;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JobLogContextTest {

    private static final UUID JOB = UUID.fromString("5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d");

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theJobIdIsInTheMdcUntilTheContextCloses() {
        try (JobLogContext context = JobLogContext.of(JOB)) {
            assertThat(MDC.get("job_id")).isEqualTo(JOB.toString());
        }

        assertThat(MDC.get("job_id")).isNull();
    }

    @Test
    void anEnclosingJobIdComesBackWhenTheInnerContextCloses() {
        try (JobLogContext outer = JobLogContext.of("outer")) {
            try (JobLogContext inner = JobLogContext.of(JOB)) {
                assertThat(MDC.get("job_id")).isEqualTo(JOB.toString());
            }
            assertThat(MDC.get("job_id")).isEqualTo("outer");
        }
    }
}
