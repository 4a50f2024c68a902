package io.scatter.api.job;

import io.scatter.api.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/** The live streams of jobs, as Server-Sent Events: thin HTTP mapping onto {@link JobEvents}. */
@RestController
@RequestMapping(JobController.PATH)
@Tag(name = "Jobs")
class JobEventController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String EVENTS = MediaType.TEXT_EVENT_STREAM_VALUE;

    private final JobEvents events;

    JobEventController(JobEvents events) {
        this.events = events;
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "Follow a job live", description = "Server-Sent Events: 'job' (the job) at once and whenever "
            + "it changes, 'tasks' ({\"tasks\":[...]}, the tasks that left QUEUED since the last one); the stream "
            + "ends after the job has ended.")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = EVENTS))
    @ApiResponse(responseCode = "404", description = "No such job (or another API key's)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "This replica holds its maximum of streams; retry after "
            + "Retry-After seconds", content = @Content(mediaType = PROBLEM))
    SseEmitter job(@PathVariable String id, HttpServletRequest request) throws IOException {
        return events.followJob(Caller.of(request), id);
    }

    @GetMapping("/events")
    @Operation(summary = "Follow the job list live", description = "Server-Sent Events: 'job' for each job of the "
            + "first page at once, then for every job that is new or changed; ends after scatter.events.max-age.")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = EVENTS))
    @ApiResponse(responseCode = "400", description = "Invalid status or limit", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "This replica holds its maximum of streams; retry after "
            + "Retry-After seconds", content = @Content(mediaType = PROBLEM))
    SseEmitter list(
            @Parameter(description = "Only jobs in this status: QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED")
            @RequestParam(required = false) String status,
            @Parameter(description = "How many of the newest jobs to send at once and follow, 1 to 100 (default 20)")
            @RequestParam(required = false) String limit,
            HttpServletRequest request) throws IOException {
        return events.followList(Caller.of(request), JobQuery.of(status, limit, null));
    }
}
