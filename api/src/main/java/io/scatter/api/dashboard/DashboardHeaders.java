package io.scatter.api.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Security and caching headers for the dashboard's page and files: nothing but this origin may be loaded or called
 * (so the page works without internet and injected markup cannot run), and the browser asks again on each load so
 * a new version of the API serves a matching dashboard.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DashboardHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Whether {@code path} is the dashboard: its page at {@code /} and its files under {@code /dashboard/}. */
    static boolean isDashboard(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/dashboard/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isDashboard(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        chain.doFilter(request, response);
    }
}
