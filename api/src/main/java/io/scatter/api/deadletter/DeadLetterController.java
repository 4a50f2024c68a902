package io.scatter.api.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dead-letters resource: thin HTTP mapping onto {@link DeadLetterService}. */
@RestController
@RequestMapping(DeadLetterController.PATH)
@Tag(name = "Dead letters", description = "List dead-lettered tasks and put them back on the queue")
class DeadLetterController {

    static final String PATH = "/api/v1/dead-letters";
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "List dead-lettered tasks, newest first, one page at a time")
    @ApiResponse(responseCode = "200", description = "A page of dead letters and the cursor of the next one")
    @ApiResponse(responseCode = "400", description = "Invalid jobId, status, limit or cursor",
            content = @Content(mediaType = PROBLEM))
    DeadLetterPage list(
            @Parameter(description = "Only the dead letters of this job")
            @RequestParam(required = false) String jobId,
            @Parameter(description = "Only dead letters in this status: DEAD or RETRIED")
            @RequestParam(required = false) String status,
            @Parameter(description = "Page size, 1 to 100 (default 20)")
            @RequestParam(required = false) String limit,
            @Parameter(description = "The nextCursor of the previous page")
            @RequestParam(required = false) String cursor) {
        return deadLetters.list(DeadLetterQuery.of(jobId, status, limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a dead letter with its reason, attempts, worker and task payload")
    @ApiResponse(responseCode = "200", description = "The dead letter")
    @ApiResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = PROBLEM))
    DeadLetterDocument get(@PathVariable String id) {
        return deadLetters.get(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Put a dead-lettered task back on the queue and reopen the job it failed",
            description = "The job goes from FAILED back to RUNNING, its failed and cancelled tasks are queued again"
                    + " under new message ids, and the dead letter becomes RETRIED.")
    @ApiResponse(responseCode = "200", description = "The retried dead letter, the reopened job and the requeued tasks")
    @ApiResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Already retried, not a task, or its job cannot be reopened"
            + " (SUCCEEDED, CANCELLED, or not failed by this dead letter)", content = @Content(mediaType = PROBLEM))
    RetryDocument retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }
}
