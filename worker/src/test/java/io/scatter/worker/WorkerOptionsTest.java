package io.scatter.worker;

import io.scatter.messaging.Settings.UsageException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkerOptionsTest {

    private final WorkerOptions options = new WorkerOptions();

    @Test
    void defaults_are_the_local_broker_one_thread_per_processor_a_host_and_pid_name_and_30_seconds_grace()
            throws UsageException {
        WorkerConfig config = options.parse(new String[0], Map.of());

        assertThat(config.rabbitmqUri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
        assertThat(config.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.name()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(config.grace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environment_variables_are_read_and_flags_win_over_them() throws UsageException {
        Map<String, String> environment = Map.of("SCATTER_RABBITMQ_URI", "amqp://a:b@broker:5672/x",
                "SCATTER_CONCURRENCY", "3", "SCATTER_WORKER_NAME", "pi-1", "SCATTER_SHUTDOWN_GRACE", "5");

        WorkerConfig config = options.parse(new String[]{"--concurrency=8", "--name", "pi-2"}, environment);

        assertThat(config).isEqualTo(new WorkerConfig("amqp://a:b@broker:5672/x", 8, "pi-2", Duration.ofSeconds(5)));
    }

    @Test
    void a_name_that_cannot_be_part_of_an_event_source_is_refused() {
        assertThatThrownBy(() -> options.parse(new String[]{"--name", "my worker"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--name must be");
    }
}
