package io.scatter.api.workers;

import org.springframework.stereotype.Component;

/**
 * Every {@code scatter.workers.sweep-interval}, removes the workers that have been silent for longer than
 * {@code scatter.workers.forget-after} from the {@link WorkerRegistry}.
 */
@Component
class LostWorkerSweeper extends PeriodicTask {

    private final WorkerRegistry registry;

    LostWorkerSweeper(WorkerRegistry registry, WorkersProperties properties) {
        super("scatter-lost-worker-sweeper", properties.sweepInterval());
        this.registry = registry;
    }

    @Override
    protected void runOnce() {
        registry.forgetSilent();
    }
}
