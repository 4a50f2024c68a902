package io.scatter.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerConfigTest {

    @Test
    void printingAConfigNeverShowsTheBrokerPassword() {
        WorkerConfig config = new WorkerConfig("amqp://pi:s3cr%21t@10.0.0.1:5672/scatter", 2, "pi-1",
                Duration.ofSeconds(5));

        assertThat(config.toString()).doesNotContain("s3cr").contains("amqp://pi:***@10.0.0.1:5672/scatter")
                .contains("name=pi-1");
    }
}
