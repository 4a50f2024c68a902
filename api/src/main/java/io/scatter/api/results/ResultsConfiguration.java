package io.scatter.api.results;

import io.scatter.engine.result.ResultAggregator;
import io.scatter.engine.store.JobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the engine's exactly-once result aggregation over the API's job store. */
@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

    @Bean
    ResultAggregator resultAggregator(JobStore store) {
        return new ResultAggregator(store);
    }
}
