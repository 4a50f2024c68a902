package io.scatter.api.testing;

import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.transport.TransportException;
import io.scatter.engine.worker.TaskRunner;
import io.scatter.messaging.transport.RabbitTaskTransport;

import java.time.Clock;
import java.time.Duration;

/**
 * A real worker for API tests: the engine's {@link TaskRunner} over {@link RabbitTaskTransport} on the test's virtual
 * host, with the job types found by {@link JobTypes#load()} as the worker finds them. Close it (try-with-resources) to
 * stop consuming and close its connection.
 */
public final class TestWorker implements AutoCloseable {

    private static final RabbitTaskTransport.Options OPTIONS =
            RabbitTaskTransport.Options.DEFAULTS.withConfirmTimeout(Duration.ofSeconds(10))
                    .withCloseGrace(Duration.ofSeconds(2));

    private final RabbitTaskTransport transport;
    private final TaskRunner runner;

    private TestWorker(RabbitTaskTransport transport, TaskRunner runner) {
        this.transport = transport;
        this.runner = runner;
    }

    /** Connects to the virtual host of {@code environment} and starts computing tasks, two at a time. */
    public static TestWorker start(ApiEnvironment environment) {
        return start(environment, JobTypes.load(), "api-test-worker");
    }

    /**
     * As {@link #start(ApiEnvironment)}, knowing only the job types {@code types} (it dead-letters the tasks of any
     * other, naming itself {@code name}).
     */
    public static TestWorker start(ApiEnvironment environment, JobTypes types, String name) {
        return start(environment.rabbitUri(), types, name);
    }

    /** As {@link #start(ApiEnvironment, JobTypes, String)}, on the broker at {@code rabbitUri}. */
    public static TestWorker start(String rabbitUri, JobTypes types, String name) {
        RabbitTaskTransport transport;
        try {
            transport = RabbitTaskTransport.connect(rabbitUri, "scatter-api-test-worker", OPTIONS);
        } catch (TransportException e) {
            throw new IllegalStateException("the test worker cannot connect: " + e.getMessage(), e);
        }
        TaskRunner runner = new TaskRunner(transport, types, name, 2, Clock.systemUTC());
        try {
            runner.start();
        } catch (TransportException | RuntimeException e) {
            try {
                runner.close();
            } finally {
                transport.close();
            }
            throw new IllegalStateException("the test worker cannot start: " + e.getMessage(), e);
        }
        return new TestWorker(transport, runner);
    }

    /** Stops taking tasks, then closes the transport and its connection, even if stopping failed. */
    @Override
    public void close() {
        try {
            runner.close();
        } finally {
            transport.close();
        }
    }
}
