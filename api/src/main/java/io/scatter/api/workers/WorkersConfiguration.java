package io.scatter.api.workers;

import io.scatter.engine.result.TaskRecovery;
import io.scatter.engine.store.JobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the engine's recovery of lost workers' tasks over the API's job store. */
@Configuration(proxyBeanMethods = false)
class WorkersConfiguration {

    @Bean
    TaskRecovery taskRecovery(JobStore store) {
        return new TaskRecovery(store);
    }
}
