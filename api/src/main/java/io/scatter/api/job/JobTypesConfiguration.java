package io.scatter.api.job;

import io.scatter.core.jobtype.JobTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the job types found on the class path with {@link java.util.ServiceLoader}. */
@Configuration(proxyBeanMethods = false)
class JobTypesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobTypesConfiguration.class);

    @Bean
    JobTypes jobTypes() {
        JobTypes types = JobTypes.load();
        if (types.names().isEmpty()) {
            log.warn("No job types found on the class path; every submission will be rejected");
        } else {
            log.info("Job types: {}", String.join(", ", types.names()));
        }
        return types;
    }
}
