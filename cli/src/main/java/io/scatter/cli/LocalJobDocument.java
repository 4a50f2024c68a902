package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scatter.engine.local.JobSnapshot;

import java.time.Instant;
import java.util.Map;

/**
 * A local job as the same JSON document {@code GET /api/v1/jobs/{id}} answers: fields id, type, status, input,
 * options, progress {tasksTotal, tasksDone, percent}, result, error, createdAt, startedAt, finishedAt, traceId (null:
 * local mode does not trace) in that order, nulls written, the keys of input, options and result sorted, instants in
 * ISO-8601.
 */
final class LocalJobDocument {

    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LocalJobDocument() {
    }

    static ObjectNode of(JobSnapshot job) {
        ObjectNode document = NODES.objectNode();
        document.set("id", text(job.id() == null ? null : job.id().toString()));
        document.set("type", text(job.type()));
        document.set("status", text(job.status() == null ? null : job.status().name()));
        document.set("input", map(job.input()));
        document.set("options", map(job.options()));
        ObjectNode progress = document.putObject("progress");
        JobSnapshot.Progress counts = job.progress();
        progress.put("tasksTotal", counts == null ? 0 : counts.tasksTotal());
        progress.put("tasksDone", counts == null ? 0 : counts.tasksDone());
        progress.put("percent", counts == null ? 0 : counts.percent());
        document.set("result", map(job.result()));
        document.set("error", text(job.error()));
        document.set("createdAt", instant(job.createdAt()));
        document.set("startedAt", instant(job.startedAt()));
        document.set("finishedAt", instant(job.finishedAt()));
        document.putNull("traceId");
        return document;
    }

    private static JsonNode map(Map<String, Object> map) {
        return map == null ? NODES.nullNode() : SORTED.valueToTree(map);
    }

    private static JsonNode text(String text) {
        return text == null ? NODES.nullNode() : NODES.textNode(text);
    }

    private static JsonNode instant(Instant instant) {
        return instant == null ? NODES.nullNode() : NODES.textNode(instant.toString());
    }
}
