package io.scatter.api.workers;

import io.scatter.core.jobtype.Capacity;
import io.scatter.engine.result.TaskRecovery;
import io.scatter.engine.store.JobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Supplier;

/** Provides the engine's recovery of lost workers' tasks over the API's job store, and the workers' capacity. */
@Configuration(proxyBeanMethods = false)
class WorkersConfiguration {

    @Bean
    TaskRecovery taskRecovery(JobStore store) {
        return new TaskRecovery(store);
    }

    /** What the live workers can compute at once, from their heartbeats, for job types to size tasks by. */
    @Bean
    Supplier<Capacity> workerCapacity(WorkerRegistry registry) {
        return () -> new Capacity(registry.liveSlots());
    }
}
