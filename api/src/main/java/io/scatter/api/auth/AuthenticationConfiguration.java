package io.scatter.api.auth;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;
import javax.sql.DataSource;

/** Installs API-key authentication in front of the API, or, with {@code --auth none}, warns that there is none. */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationConfiguration.class);

    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilter(AuthProperties properties, DataSource dataSource,
                                                                      Clock clock, MeterRegistry meters) {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ApiKeyAuthenticator(new ApiKeyStore(dataSource), clock, properties.cacheTtl()), meters);
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        if (properties.authMode() == AuthMode.NONE) {
            log.warn("Authentication is OFF (--auth none): anyone who reaches this port can submit, read and cancel "
                    + "every job; use it only on a trusted network");
            registration.setEnabled(false);
        }
        return registration;
    }
}
