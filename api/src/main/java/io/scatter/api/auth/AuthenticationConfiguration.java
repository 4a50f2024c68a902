package io.scatter.api.auth;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Installs API-key authentication (plus OIDC JWTs when an issuer is configured) in front of the API, or, with
 * {@code --auth none}, warns that there is none.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationConfiguration.class);

    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilter(AuthProperties properties, DataSource dataSource,
                                                                      Clock clock, MeterRegistry meters) {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ApiKeyAuthenticator(new ApiKeyStore(dataSource), clock, properties.cacheTtl()),
                jwts(properties, clock), meters);
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        if (properties.authMode() == AuthMode.NONE) {
            log.warn("Authentication is OFF (--auth none): anyone who reaches this port can submit, read and cancel "
                    + "every job; use it only on a trusted network");
            registration.setEnabled(false);
        }
        return registration;
    }

    private static Optional<JwtAuthenticator> jwts(AuthProperties properties, Clock clock) {
        if (properties.authMode() == AuthMode.NONE || !properties.oidcEnabled()) {
            return Optional.empty();
        }
        String issuer = properties.oidcIssuer().trim();
        log.info("OIDC JWTs from issuer {} are accepted beside API keys{}", issuer, properties.oidcAudienceOrEmpty()
                .isEmpty() ? " (any audience)" : " (audience " + properties.oidcAudienceOrEmpty() + ")");
        return Optional.of(new JwtAuthenticator(issuer, properties.oidcAudienceOrEmpty(),
                new IssuerKeys(issuer, clock, properties.oidcKeysRefreshInterval()), clock,
                properties.oidcClockSkew()));
    }
}
