package io.scatter.engine.transport;

/** A running consumer or listener. */
public interface Subscription extends AutoCloseable {

    /**
     * Stops receiving new deliveries; deliveries already handed out may still be settled. Deliveries never settled
     * are delivered again, as if the consumer had crashed.
     */
    @Override
    void close();

    /**
     * Asks for no new deliveries until {@link #resume()}, where the transport can (a few already on their way may
     * still arrive); deliveries already handed out are unaffected. Does nothing where the transport cannot pause.
     */
    default void pause() {
    }

    /** Receives deliveries again after {@link #pause()}. */
    default void resume() {
    }
}
