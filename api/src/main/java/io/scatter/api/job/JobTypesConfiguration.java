package io.scatter.api.job;

import io.scatter.core.jobtype.JobTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the job types found with {@link java.util.ServiceLoader} on the class path and in the plug-ins of
 * {@code scatter.plugins} ({@code --plugins}, {@code SCATTER_PLUGINS}).
 */
@Configuration(proxyBeanMethods = false)
class JobTypesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobTypesConfiguration.class);

    @Bean
    JobTypes jobTypes(@Value("${scatter.plugins:}") String plugins) {
        JobTypes types = JobTypes.load(plugins);
        if (types.names().isEmpty()) {
            log.warn("No job types found on the class path; every submission will be rejected");
        } else {
            log.info("Job types: {}", String.join(", ", types.names()));
        }
        return types;
    }
}
