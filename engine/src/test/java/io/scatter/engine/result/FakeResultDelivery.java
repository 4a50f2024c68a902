package io.scatter.engine.result;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.ResultDelivery;

/** A result delivery that only records how it was settled. */
final class FakeResultDelivery implements ResultDelivery {

    enum Settled { ACKED, REJECTED, REQUEUED }

    private final String messageId;
    private final TaskResultMessage result;
    private Settled settled;

    FakeResultDelivery(String messageId, TaskResultMessage result) {
        this.messageId = messageId;
        this.result = result;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public TaskResultMessage result() {
        return result;
    }

    @Override
    public void ack() {
        settle(Settled.ACKED);
    }

    @Override
    public void reject(String reason) {
        settle(Settled.REJECTED);
    }

    @Override
    public void requeue() {
        settle(Settled.REQUEUED);
    }

    Settled settled() {
        return settled;
    }

    private void settle(Settled how) {
        if (settled != null) {
            throw new IllegalStateException("already " + settled);
        }
        settled = how;
    }
}
