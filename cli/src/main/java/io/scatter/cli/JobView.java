package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.OptionalInt;

/**
 * Reads a job document of the API: id, type, status, progress, result, error and creation time, tolerating the
 * progress as a percentage or as task counts, at the top level or in a {@code progress} object.
 */
record JobView(JsonNode document) {

    String id() {
        return text("id");
    }

    String type() {
        return text("type");
    }

    String status() {
        String status = text("status");
        return status == null ? "UNKNOWN" : status;
    }

    boolean isFinished() {
        return switch (status()) {
            case "SUCCEEDED", "FAILED", "CANCELLED" -> true;
            default -> false;
        };
    }

    String error() {
        return text("error");
    }

    JsonNode input() {
        return document.path("input");
    }

    JsonNode result() {
        return document.path("result");
    }

    String finished() {
        return text("finishedAt");
    }

    String created() {
        String created = text("createdAt");
        return created != null ? created : text("created");
    }

    /** Tasks done so far, when the document says. */
    OptionalInt tasksDone() {
        return firstInt("tasksDone");
    }

    /** Tasks in the job, when the document says. */
    OptionalInt tasksTotal() {
        return firstInt("tasksTotal");
    }

    /** Percentage done, 0 to 100, when the document says or the task counts tell. */
    OptionalInt percent() {
        JsonNode progress = document.path("progress");
        if (progress.isNumber()) {
            return OptionalInt.of(clamp(progress.asInt()));
        }
        OptionalInt percent = firstInt("percent");
        if (percent.isPresent()) {
            return OptionalInt.of(clamp(percent.getAsInt()));
        }
        OptionalInt done = tasksDone();
        OptionalInt total = tasksTotal();
        if (done.isPresent() && total.isPresent() && total.getAsInt() > 0) {
            return OptionalInt.of(clamp((int) ((long) done.getAsInt() * 100 / total.getAsInt())));
        }
        return "SUCCEEDED".equals(status()) ? OptionalInt.of(100) : OptionalInt.empty();
    }

    private OptionalInt firstInt(String name) {
        for (JsonNode node : new JsonNode[]{document.path("progress").path(name), document.path(name)}) {
            if (node.isNumber()) {
                return OptionalInt.of(node.asInt());
            }
        }
        return OptionalInt.empty();
    }

    private String text(String name) {
        JsonNode value = document.path(name);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static int clamp(int percent) {
        return Math.max(0, Math.min(100, percent));
    }
}
