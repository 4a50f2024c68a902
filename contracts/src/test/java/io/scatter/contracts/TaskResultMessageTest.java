package io.scatter.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskResultMessageTest {

    private final TaskMessage task = new TaskMessage(UUID.randomUUID(), 1, 4, "prime-count", Map.of("from", 1));

    @Test
    void aFailedResultWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> TaskResultMessage.failed(task, " ", "w", 1, Instant.now(), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultCopiesItsMapSoLaterChangesDoNotLeakIn() {
        Map<String, Object> result = new HashMap<>(Map.of("count", 5));
        TaskResultMessage message = TaskResultMessage.succeeded(task, result, "w", 1, Instant.now(), Instant.now());
        result.put("count", 6);
        assertThat(message.result()).containsEntry("count", 5);
        assertThat(message.jobId()).isEqualTo(task.jobId());
    }

    @Test
    void aTaskIndexOutsideTheJobIsRefused() {
        assertThatThrownBy(() -> new TaskMessage(UUID.randomUUID(), 4, 4, "prime-count", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskIndex 4");
    }
}
