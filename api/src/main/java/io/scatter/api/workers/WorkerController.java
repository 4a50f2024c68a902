package io.scatter.api.workers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workers resource: thin HTTP mapping onto {@link WorkerRegistry}. */
@RestController
@RequestMapping(WorkerController.PATH)
@Tag(name = "Workers", description = "The workers that send heartbeats, and whether they are alive")
class WorkerController {

    static final String PATH = "/api/v1/workers";

    private final WorkerRegistry registry;

    WorkerController(WorkerRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "List the workers, by name",
            description = "Every worker heard from within scatter.workers.forget-after (default 10 min), as of its "
                    + "last heartbeat: ALIVE, STOPPING, or LOST when silent for scatter.workers.lost-after "
                    + "(default 15 s).")
    @ApiResponse(responseCode = "200", description = "The workers, sorted by name")
    WorkerList list() {
        return new WorkerList(registry.list());
    }
}
