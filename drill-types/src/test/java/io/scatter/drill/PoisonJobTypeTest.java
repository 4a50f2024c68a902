package io.scatter.drill;

import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.TaskInterruptedException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoisonJobTypeTest {

    private final PoisonJobType poison = new PoisonJobType();

    @Test
    void onlyThePoisonedTaskCarriesThePoison() {
        List<Map<String, Object>> tasks = poison.split(poison.define(
                Map.of("tasks", 4, "poisoned", 2, "how", "hang"), Map.of()));

        assertThat(tasks).containsExactly(Map.of("index", 0L), Map.of("index", 1L),
                Map.of("index", 2L, "how", "hang"), Map.of("index", 3L));
        assertThat(poison.compute(tasks.get(0))).isEqualTo(Map.of("count", 1L));
    }

    @Test
    void aThrowingPoisonThrowsSomethingARetryMightCureEveryTime() {
        Map<String, Object> task = Map.of("index", 7L, "how", "throw");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> poison.compute(task)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("poison task 7 always throws");
        }
    }

    @Test
    void aHangingPoisonStopsOnlyWhenInterrupted() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                poison.compute(Map.of("index", 0L, "how", "hang"));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        thread.start();
        thread.join(200);
        assertThat(thread.isAlive()).isTrue();

        thread.interrupt();
        thread.join(10_000);

        assertThat(thrown.get()).isInstanceOf(TaskInterruptedException.class);
    }

    @Test
    void anUnknownWayToPoisonIsRefusedNamingTheField() {
        assertThatThrownBy(() -> poison.define(Map.of("tasks", 2, "poisoned", 0, "how", "explode"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("input.how");
        assertThatThrownBy(() -> poison.define(Map.of("tasks", 2, "poisoned", 2), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("input.poisoned");
    }

    @Test
    void itsDefinitionKeepsTheWayToPoison() {
        JobDefinition job = poison.define(Map.of("tasks", 3, "poisoned", 1), Map.of());

        assertThat(job.input()).containsEntry("how", "throw");
    }
}
