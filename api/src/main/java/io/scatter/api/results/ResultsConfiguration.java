package io.scatter.api.results;

import io.scatter.api.job.JobRepository;
import io.scatter.api.job.TaskRepository;
import io.scatter.api.outbox.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the result handler chain: the inbox decorator around the job result applier. */
@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

    @Bean
    ResultHandler resultHandler(JdbcClient jdbc, JobRepository jobs, TaskRepository tasks, Outbox outbox) {
        return new IdempotentResultHandler(jdbc, new JobResultApplier(jobs, tasks, outbox));
    }
}
