package io.scatter.worker;

import io.scatter.core.jobtype.JobTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpTest {

    @Test
    void everyBuiltInTypeHasASampleAndEverySampleComputes() {
        JobTypes builtIn = JobTypes.load();

        assertThat(builtIn.names()).containsAll(WarmUp.SAMPLES.keySet());
        assertThat(WarmUp.run(builtIn)).isTrue();
    }

    @Test
    void theWarmUpRunsOnADaemonThreadAndEnds() throws InterruptedException {
        Thread thread = WarmUp.start(JobTypes.load());

        assertThat(thread.isDaemon()).isTrue();
        thread.join();
        assertThat(thread.isAlive()).isFalse();
    }
}
