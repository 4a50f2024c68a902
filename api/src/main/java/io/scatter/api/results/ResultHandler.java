package io.scatter.api.results;

import io.scatter.contracts.TaskResultMessage;

/** Applies one task result; returns only once its effect is committed. */
interface ResultHandler {

    /** Handles {@code result}, delivered in the message with id {@code messageId}. */
    void handle(String messageId, TaskResultMessage result);
}
