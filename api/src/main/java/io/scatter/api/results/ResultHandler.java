package io.scatter.api.results;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.result.ResultMessage;
import io.scatter.engine.result.ResultOutcome;

import java.util.Collections;
import java.util.List;

/** Applies task results; returns only once their effect is committed. */
interface ResultHandler {

    /** Handles {@code result}, delivered in the message with id {@code messageId}. */
    void handle(String messageId, TaskResultMessage result);

    /**
     * Handles {@code results} as if one by one in that order, all committed together or (when it throws) none of
     * them; by default in a transaction each.
     */
    default void handleAll(List<ResultMessage> results) {
        results.forEach(message -> handle(message.messageId(), message.result()));
    }

    /**
     * Handles {@code results} (a lone one with {@link #handle}, more with {@link #handleAll}) and tells what became of
     * each, in order; by default that each was applied.
     */
    default List<ResultOutcome> applyAll(List<ResultMessage> results) {
        if (results.size() == 1) {
            handle(results.get(0).messageId(), results.get(0).result());
        } else {
            handleAll(results);
        }
        return Collections.nCopies(results.size(), ResultOutcome.APPLIED);
    }
}
