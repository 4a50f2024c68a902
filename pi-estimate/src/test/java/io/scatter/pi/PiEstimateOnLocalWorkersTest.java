package io.scatter.pi;

import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.local.JobSnapshot;
import io.scatter.engine.local.LocalRun;
import io.scatter.engine.local.LocalRunner;
import io.scatter.engine.local.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs pi-estimate end to end through the engine's local mode: dispatcher, worker threads and result inbox. */
class PiEstimateOnLocalWorkersTest {

    private static final Map<String, Object> A_MILLION_SAMPLES = Map.of("samples", 1_000_000);

    @Test
    void oneWorkerAndThreeWorkersGiveTheSameEstimate() throws Exception {
        Map<String, Object> options = Map.of("tasks", 12);

        JobSnapshot alone = run(1, options);
        JobSnapshot shared = run(3, options);

        assertThat(alone.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(shared.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(shared.progress()).isEqualTo(new JobSnapshot.Progress(12, 12, 100));
        assertThat(shared.result()).isEqualTo(alone.result());
        assertThat(shared.result()).containsEntry("samples", 1_000_000L);
        assertThat((Double) shared.result().get("estimate")).isCloseTo(Math.PI, within(0.01));
    }

    @Test
    void theDefaultOptionsGiveTheSameEstimateWhateverTheNumberOfWorkers() throws Exception {
        JobSnapshot alone = run(1, Map.of());
        JobSnapshot shared = run(3, Map.of());

        assertThat(shared.options()).isEqualTo(alone.options())
                .isEqualTo(Map.of("tasks", 1, "seed", PiEstimateJobType.DEFAULT_SEED));
        assertThat(shared.result()).isEqualTo(alone.result());
        assertThat((Double) alone.result().get("estimate")).isCloseTo(Math.PI, within(0.01));
    }

    @Test
    void theEstimateIsTheOneTheTasksComputedCombined() throws Exception {
        PiEstimateJobType type = new PiEstimateJobType();
        Map<String, Object> expected = type.emptyResult();
        for (Map<String, Object> task : type.split(type.define(A_MILLION_SAMPLES, Map.of("tasks", 5)))) {
            expected = type.combine(expected, type.compute(task));
        }

        assertThat(run(3, Map.of("tasks", 5)).result()).isEqualTo(expected);
    }

    private static JobSnapshot run(int workers, Map<String, Object> options) throws InterruptedException {
        try (LocalRunner runner = new LocalRunner(JobTypes.load(), workers)) {
            LocalRun run = runner.run(PiEstimateJobType.NAME, A_MILLION_SAMPLES, options, ProgressListener.NONE);
            assertThat(run.workersUsed()).isBetween(1, workers);
            return run.job();
        }
    }
}
