package io.scatter.api.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a request to {@code /api/**} or {@code /tasks} through only with a valid {@code Authorization: Bearer} API key
 * (or, with an OIDC issuer configured, a valid JWT of that issuer), attaching its {@link Caller}; anything else gets
 * 401 problem+json. Probes, metrics and the OpenAPI docs stay open.
 */
final class AuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final Optional<JwtAuthenticator> jwts;
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

    /** With {@code jwts} empty (no OIDC issuer configured) a JWT is just an invalid API key. */
    AuthenticationFilter(ApiKeyAuthenticator authenticator, Optional<JwtAuthenticator> jwts, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.jwts = jwts;
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, Counter.builder("scatter.auth.refused")
                    .description("HTTP requests refused with 401, by reason")
                    .tag("reason", refusal.name().toLowerCase()).register(meters));
        }
    }

    /** Whether requests to {@code path} need a key: the jobs API and the dalc API, nothing else. */
    static boolean protects(String path) {
        return path.startsWith("/api/") || path.equals("/tasks") || path.startsWith("/tasks/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !protects(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(response, Refusal.MISSING);
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        Outcome outcome;
        try {
            outcome = jwts.isPresent() && JwtAuthenticator.looksLikeJwt(token)
                    ? jwts.get().authenticate(token) : authenticator.authenticate(token);
        } catch (SQLException e) {
            log.warn("Could not check an API key: the database did not answer: {}", e.getMessage());
            unavailable(response, "the API key cannot be checked now: the database is unavailable; try again");
            return;
        } catch (IssuerUnavailableException e) {
            log.warn("Could not check a JWT: the OIDC issuer did not answer: {}", e.getMessage());
            unavailable(response, "the token cannot be checked now: the OIDC issuer is unavailable; try again");
            return;
        }
        if (outcome.caller() == null) {
            refuse(response, outcome.refusal());
            return;
        }
        outcome.caller().attachTo(request);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
        refusals.get(refusal).increment();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refusal == Refusal.MISSING
                ? "Bearer" : "Bearer error=\"invalid_token\"");
        write(response, HttpStatus.UNAUTHORIZED, refusal.detail());
    }

    private static void unavailable(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        write(response, HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
