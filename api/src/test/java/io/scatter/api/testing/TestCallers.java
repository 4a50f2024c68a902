package io.scatter.api.testing;

import io.scatter.api.auth.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for authentication in tests: a request with an {@value #HEADER} header is made by the caller of that name
 * (a key id derived from the name), any other by {@link Caller#ANYONE}.
 */
@TestConfiguration
public class TestCallers {

    public static final String HEADER = "X-Test-Caller";

    /** The headers of a request made by the caller named {@code name}. */
    public static Map<String, String> as(String name) {
        return Map.of(HEADER, name);
    }

    /** The caller a request with {@code as(name)} is made by. */
    public static Caller named(String name) {
        return new Caller(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> testCallerFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        String name = request.getHeader(HEADER);
                        if (name != null) {
                            named(name).attachTo(request);
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/*");
        return registration;
    }
}
