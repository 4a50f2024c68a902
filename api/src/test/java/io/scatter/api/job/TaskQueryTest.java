package io.scatter.api.job;

import io.scatter.api.problem.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskQueryTest {

    @Test
    void withoutParametersAThousandTasksFromTheFirstAreListed() {
        assertThat(TaskQuery.of(null, null)).isEqualTo(new TaskQuery(1000, TaskQuery.START));
    }

    @Test
    void aCursorResumesAfterTheIndexItWasMadeFrom() {
        assertThat(TaskQuery.of("10", TaskQuery.cursorAfter(41))).isEqualTo(new TaskQuery(10, 41));
    }

    @ParameterizedTest
    @CsvSource({"limit,0,", "limit,1001,", "limit,many,", "cursor,,not-a-cursor", "cursor,,dDF8LTE",
            "cursor,,djF8eXxa"})
    void aBadParameterIsNamed(String field, String limit, String cursor) {
        assertThatThrownBy(() -> TaskQuery.of(limit, cursor))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo(field);
    }
}
