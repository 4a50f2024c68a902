package io.scatter.api.job;

import io.scatter.api.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The jobs resource: thin HTTP mapping onto {@link JobService}, on behalf of the request's {@link Caller}. */
@RestController
@RequestMapping(JobController.PATH)
@Tag(name = "Jobs", description = "Submit, follow, list and cancel jobs")
class JobController {

    static final String PATH = "/api/v1/jobs";
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a job", description = "Validates the job, splits it into tasks and queues them. "
            + "Poll the Location until the status is SUCCEEDED, FAILED or CANCELLED.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = JobRequest.class))))
    @ApiResponse(responseCode = "202", description = "Accepted (or the earlier job for a repeated Idempotency-Key)")
    @ApiResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "400", description = "Invalid request; 'field' names the culprit",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for a different request, or the job is "
            + "over the tasks-per-job or range-width limit ('limit' names it)", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "429", description = "Over the caller's requests-per-second or jobs-in-flight quota "
            + "('limit' names it); retry after Retry-After seconds", content = @Content(mediaType = PROBLEM))
    ResponseEntity<JobDocument> submit(
            HttpServletRequest request,
            @RequestBody byte[] body,
            @Parameter(description = "Makes retries safe: the same key and body return the same job (max 255 chars)")
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        JobService.Submission submission = jobs.submit(Caller.of(request), JobRequest.parse(body),
                IdempotencyKeys.check(idempotencyKey));
        JobDocument job = submission.job();
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + job.id()))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .header("Idempotent-Replayed", Boolean.toString(!submission.created()))
                .body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a job with its progress and, once done, its result")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "404", description = "No such job (or another API key's)",
            content = @Content(mediaType = PROBLEM))
    JobDocument get(@PathVariable String id, HttpServletRequest request) {
        return jobs.get(Caller.of(request), id);
    }

    @GetMapping("/{id}/tasks")
    @Operation(summary = "List a job's tasks by index, with the worker, attempt and times of each counted result",
            description = "The data of a timeline: worker, attempts, startedAt, finishedAt and durationMs are filled "
                    + "in once a task's result counts. Up to 1,000 tasks a page; follow nextCursor for more.")
    @ApiResponse(responseCode = "200", description = "A page of the job's tasks and the cursor of the next one")
    @ApiResponse(responseCode = "400", description = "Invalid limit or cursor", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job (or another API key's)",
            content = @Content(mediaType = PROBLEM))
    TaskList tasks(
            @PathVariable String id,
            @Parameter(description = "Page size, 1 to 1000 (default 1000)")
            @RequestParam(required = false) String limit,
            @Parameter(description = "The nextCursor of the previous page")
            @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        return jobs.tasks(Caller.of(request), id, TaskQuery.of(limit, cursor));
    }

    @GetMapping
    @Operation(summary = "List jobs, newest first, one page at a time")
    @ApiResponse(responseCode = "200", description = "A page of jobs and the cursor of the next one")
    @ApiResponse(responseCode = "400", description = "Invalid status, limit or cursor",
            content = @Content(mediaType = PROBLEM))
    JobPage list(
            @Parameter(description = "Only jobs in this status: QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED")
            @RequestParam(required = false) String status,
            @Parameter(description = "Page size, 1 to 100 (default 20)")
            @RequestParam(required = false) String limit,
            @Parameter(description = "The nextCursor of the previous page")
            @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        return jobs.list(Caller.of(request), JobQuery.of(status, limit, cursor));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a job that has not ended")
    @ApiResponse(responseCode = "200", description = "The cancelled job")
    @ApiResponse(responseCode = "404", description = "No such job (or another API key's)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The job already ended", content = @Content(mediaType = PROBLEM))
    JobDocument cancel(@PathVariable String id, HttpServletRequest request) {
        return jobs.cancel(Caller.of(request), id);
    }
}
