package io.scatter.broker;

/** The embedded broker did not start: its port is taken, its data directory or store cannot be used, … */
public final class BrokerStartException extends Exception {

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
