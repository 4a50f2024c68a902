package io.scatter.engine.local;

import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.memory.InMemoryJobStore;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.testing.SumJobType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRunnerChaosTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void crashedWorkersAndDuplicatedResultsStillCountEveryPrimeExactlyOnce(long seed) throws Exception {
        ChaoticTransport chaos = new ChaoticTransport(new InMemoryTaskTransport(), seed, 0.25);

        LocalRun run;
        try (LocalRunner runner = new LocalRunner(JobTypes.load(), 4, chaos, new InMemoryJobStore(),
                Clock.systemUTC())) {
            run = runner.run("prime-count", Map.of("from", 0, "to", 1_000_000), Map.of("tasks", 40),
                    ProgressListener.NONE);
        }

        assertThat(run.job().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(((Number) run.job().result().get("count")).longValue()).isEqualTo(78_498);
        assertThat(run.job().progress()).isEqualTo(new JobSnapshot.Progress(40, 40, 100));
        assertThat(chaos.crashes()).isPositive();
        assertThat(chaos.duplicates()).isPositive();
        assertThat(chaos.redeliveries()).isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void underChaosEveryTaskOfALargeJobIsCountedExactlyOnce(long seed) throws Exception {
        ChaoticTransport chaos = new ChaoticTransport(new InMemoryTaskTransport(), seed, 0.3);

        LocalRun run;
        try (LocalRunner runner = new LocalRunner(JobTypes.of(new SumJobType()), 3, chaos, new InMemoryJobStore(),
                Clock.systemUTC())) {
            run = runner.run(SumJobType.NAME, Map.of("numbers", 300), Map.of(), ProgressListener.NONE);
        }

        assertThat(run.job().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(((Number) run.job().result().get("sum")).longValue()).isEqualTo(SumJobType.expectedSum(300));
        assertThat(chaos.crashes()).isGreaterThan(1);
    }
}
