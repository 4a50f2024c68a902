package io.scatter.api.auth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter's answer when a JWT cannot be checked because the OIDC issuer does not answer. */
class AuthenticationFilterTest {

    @Test
    void aJwtWhileTheIssuerIsUnreachableGets503WithRetryAfter() throws Exception {
        TestIssuer issuer = TestIssuer.start();
        String token = issuer.aToken().serialize();
        issuer.close();
        JwtAuthenticator jwts = new JwtAuthenticator(issuer.url(), "", new IssuerKeys(issuer.url(),
                Clock.systemUTC(), Duration.ZERO), Clock.systemUTC(), Duration.ofSeconds(60));
        AuthenticationFilter filter = new AuthenticationFilter(new ApiKeyAuthenticator(new ApiKeyStore(null),
                Clock.systemUTC(), Duration.ZERO), Optional.of(jwts), new SimpleMeterRegistry());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/jobs");
        request.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("the OIDC issuer is unavailable").doesNotContain(token);
    }
}
