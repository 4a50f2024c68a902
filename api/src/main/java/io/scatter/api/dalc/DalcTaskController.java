package io.scatter.api.dalc;

import io.scatter.api.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dalc tasks resource, for clients of the dalc calculator: thin HTTP mapping onto {@link DalcTasks}. */
@RestController
@RequestMapping(DalcTaskController.PATH)
@Tag(name = "dalc", description = "Compatibility layer for dalc clients: expressions as integer-id tasks")
class DalcTaskController {

    static final String PATH = "/tasks";
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final DalcTasks tasks;

    DalcTaskController(DalcTasks tasks) {
        this.tasks = tasks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an expression", description = "Submits an expression job and answers its task, "
            + "SCHEDULED. Poll GET /tasks?id= until COMPLETED or FAILED.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation =
                    DalcTaskRequest.class, example = "{\"expression\":\"1 + 1\"}"))))
    @ApiResponse(responseCode = "200", description = "The new task")
    @ApiResponse(responseCode = "400", description = "Invalid body or expression; 'field' names the culprit",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "429", description = "Over the caller's requests-per-second or jobs-in-flight quota",
            content = @Content(mediaType = PROBLEM))
    DalcTask create(HttpServletRequest request, @RequestBody byte[] body) {
        return tasks.create(Caller.of(request), DalcTaskRequest.parse(body).expression());
    }

    @GetMapping
    @Operation(summary = "Get a task with its status and, once COMPLETED, its result")
    @ApiResponse(responseCode = "200", description = "The task")
    @ApiResponse(responseCode = "400", description = "Missing or invalid id", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such task", content = @Content(mediaType = PROBLEM))
    DalcTask get(@Parameter(description = "The task's id, a positive integer") @RequestParam(required = false)
                 String id, HttpServletRequest request) {
        return tasks.find(Caller.of(request), DalcTaskIds.parse(id));
    }
}
