package io.scatter.engine.result;

import io.scatter.contracts.TaskResultMessage;

import java.util.Objects;

/** A task result and the id of the message that delivered it, one entry of a batch {@link ResultAggregator} applies. */
public record ResultMessage(String messageId, TaskResultMessage result) {

    public ResultMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(result, "result");
    }
}
