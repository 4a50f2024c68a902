package io.scatter.api.deadletter;

import io.scatter.engine.result.JobRetry;
import io.scatter.engine.store.JobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Provides the engine's retry of a failed job over the API's job store. */
@Configuration(proxyBeanMethods = false)
class DeadLettersConfiguration {

    @Bean
    JobRetry jobRetry(JobStore store, Clock clock) {
        return new JobRetry(store, clock);
    }
}
