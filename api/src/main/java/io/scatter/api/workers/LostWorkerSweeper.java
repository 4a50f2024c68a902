package io.scatter.api.workers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code scatter.workers.sweep-interval}, on its own thread, removes the workers that have been silent for
 * longer than {@code scatter.workers.forget-after} from the {@link WorkerRegistry}.
 */
@Component
class LostWorkerSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LostWorkerSweeper.class);

    private final WorkerRegistry registry;
    private final WorkersProperties properties;
    private volatile boolean running;
    private ScheduledExecutorService scheduler;

    LostWorkerSweeper(WorkerRegistry registry, WorkersProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scatter-lost-worker-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One sweep; never throws (that would end the schedule). */
    private void sweep() {
        try {
            registry.forgetSilent();
        } catch (RuntimeException e) {
            log.warn("Sweeping lost workers failed", e);
        }
    }
}
