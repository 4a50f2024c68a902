package io.scatter.cli;

import io.scatter.core.job.JobStatus;
import io.scatter.engine.local.JobSnapshot;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalJobDocumentTest {

    @Test
    void aQueuedJobHasNullsWhereTheApiHasNulls() {
        JobSnapshot queued = FakeLocalJobs.snapshot("prime-count", Map.of("to", 10L, "from", 0L),
                Map.of("tasks", 2, "algorithm", "sieve"), JobStatus.QUEUED, 0, 2, null, null);

        assertThat(LocalJobDocument.of(queued).toString()).isEqualTo("{\"id\":\"" + FakeLocalJobs.ID + "\","
                + "\"type\":\"prime-count\",\"status\":\"QUEUED\",\"input\":{\"from\":0,\"to\":10},"
                + "\"options\":{\"algorithm\":\"sieve\",\"tasks\":2},"
                + "\"progress\":{\"tasksTotal\":2,\"tasksDone\":0,\"percent\":0},\"result\":null,\"error\":null,"
                + "\"createdAt\":\"2026-11-25T16:00:00.123Z\",\"startedAt\":\"2026-11-25T16:00:00.180Z\","
                + "\"finishedAt\":null,\"traceId\":null}");
    }

    @Test
    void nestedMapsAreSortedAndNumbersStayExact() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("z", new BigInteger("123456789012345678901234567890"));
        result.put("a", Map.of("y", 1, "b", List.of(2, 3)));

        JobSnapshot done = FakeLocalJobs.snapshot("x", Map.of(), Map.of(), JobStatus.SUCCEEDED, 1, 1, result, null);

        assertThat(LocalJobDocument.of(done).path("result").toString())
                .isEqualTo("{\"a\":{\"b\":[2,3],\"y\":1},\"z\":123456789012345678901234567890}");
    }
}
