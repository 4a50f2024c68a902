package io.scatter.api.job;

import io.scatter.api.log.JobLogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/** Tags the log lines of a request for one job ({@code /api/v1/jobs/{id}} and below) with the job's id. */
@Component
class JobLogFilter extends OncePerRequestFilter {

    private static final String PREFIX = JobController.PATH + "/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UUID> jobId = jobId(request.getRequestURI());
        if (jobId.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try (JobLogContext context = JobLogContext.of(jobId.get())) {
            chain.doFilter(request, response);
        }
    }

    /** The job id in {@code path} when it names one job or something below it. */
    static Optional<UUID> jobId(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = path.indexOf('/', PREFIX.length());
        return JobIds.parse(path.substring(PREFIX.length(), end < 0 ? path.length() : end));
    }
}
