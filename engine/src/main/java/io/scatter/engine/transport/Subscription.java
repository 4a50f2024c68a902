package io.scatter.engine.transport;

/** A running consumer or listener. */
public interface Subscription extends AutoCloseable {

    /**
     * Stops receiving new deliveries; deliveries already handed out may still be settled. Deliveries never settled
     * are delivered again, as if the consumer had crashed.
     */
    @Override
    void close();
}
