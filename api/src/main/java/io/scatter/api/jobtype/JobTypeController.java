package io.scatter.api.jobtype;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The job-types resource: thin HTTP mapping onto {@link JobTypeCatalog}. */
@RestController
@RequestMapping(JobTypeController.PATH)
@Tag(name = "Job types", description = "The job types this API accepts, with the JSON Schemas of their input and "
        + "options for a submit form")
class JobTypeController {

    static final String PATH = "/api/v1/job-types";
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final JobTypeCatalog catalog;

    JobTypeController(JobTypeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List the job types, by name",
            description = "Every registered type, bundled or plug-in. input and options are JSON Schemas "
                    + "(draft 2020-12) of what the type accepts; null for a type that does not describe itself.")
    @ApiResponse(responseCode = "200", description = "The job types, sorted by name")
    @ApiResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = PROBLEM))
    JobTypeList list() {
        return catalog.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Get one job type with the JSON Schemas of its input and options")
    @ApiResponse(responseCode = "200", description = "The job type")
    @ApiResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job type; knownTypes lists those there are",
            content = @Content(mediaType = PROBLEM))
    JobTypeDocument get(@Parameter(description = "The type's name, e.g. prime-count") @PathVariable String name) {
        return catalog.get(name);
    }
}
