package io.scatter.api.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.scatter.messaging.TraceExtension;
import io.scatter.messaging.tracing.TraceMdc;
import io.scatter.messaging.tracing.Tracing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SERVER span of each HTTP request, a child of the request's {@code traceparent} when it has one, current (with
 * the log's {@code trace_id} and {@code span_id}) while the request is handled; named after the method and route.
 * Actuator requests (health probes, every few seconds) are not traced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HttpTracingFilter extends OncePerRequestFilter {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");

    private static final String ACTUATOR = "/actuator";

    private final Tracing tracing;

    HttpTracingFilter(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !tracing.enabled() || request.getRequestURI().startsWith(ACTUATOR);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        Span span = tracing.tracer().spanBuilder(method)
                .setParent(tracing.extract(traceContext(request)))
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, method)
                .setAttribute(PATH, request.getRequestURI())
                .setAttribute(SCHEME, request.getScheme())
                .startSpan();
        try (Scope scope = span.makeCurrent(); TraceMdc mdc = TraceMdc.of(span)) {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String route) {
                span.updateName(method + " " + route);
                span.setAttribute(ROUTE, route);
            }
            span.setAttribute(STATUS, response.getStatus());
            if (response.getStatus() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    private static Map<String, String> traceContext(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : new String[]{TraceExtension.TRACEPARENT, TraceExtension.TRACESTATE}) {
            String value = request.getHeader(field);
            if (value != null) {
                fields.put(field, value);
            }
        }
        return fields;
    }
}
