package io.scatter.api.job;

import io.scatter.api.problem.BadRequestException;
import io.scatter.core.job.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobQueryTest {

    @Test
    void aCursorLeadsBackToThePositionItWasMadeFrom() {
        JobQuery.Position position = new JobQuery.Position(Instant.parse("2030-05-06T07:08:09.123456Z"),
                UUID.randomUUID());
        assertThat(JobQuery.of(null, null, position.toCursor()).after()).isEqualTo(position);
    }

    @Test
    void withoutParametersAllStatusesAndTwentyJobsAreListed() {
        assertThat(JobQuery.of(null, null, null)).isEqualTo(new JobQuery(null, 20, null));
    }

    @Test
    void theStatusIsReadWhateverItsCase() {
        assertThat(JobQuery.of("running", "5", null).status()).isEqualTo(JobStatus.RUNNING);
    }

    @ParameterizedTest
    @CsvSource({"status,DONE,,", "limit,,0,", "limit,,101,", "limit,,ten,", "cursor,,,not-a-cursor",
            "cursor,,,djF8eXxa"})
    void aBadParameterIsNamed(String field, String status, String limit, String cursor) {
        assertThatThrownBy(() -> JobQuery.of(status, limit, cursor))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo(field);
    }
}
