package io.scatter.engine.memory;

import io.scatter.engine.testing.Await;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TaskTransportContract;
import io.scatter.engine.transport.TransportException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.scatter.engine.testing.TaskMessageBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryTaskTransportTest extends TaskTransportContract {

    @Override
    protected TaskTransport newTransport() {
        return new InMemoryTaskTransport();
    }

    @Test
    void settlingADeliveryAfterItsConsumerClosedChangesNothing() throws Exception {
        List<TaskDelivery> held = new CopyOnWriteArrayList<>();
        Subscription crashed = transport().consumeTasks(1, held::add);
        transport().publishTasks(List.of(aTask().build()));
        Await.until("the task is delivered", () -> held.size() == 1);
        crashed.close();

        held.get(0).reject("too late");
        List<TaskDelivery> redelivered = new CopyOnWriteArrayList<>();
        try (Subscription survivor = transport().consumeTasks(1, delivery -> {
            redelivered.add(delivery);
            delivery.ack();
        })) {
            Await.until("the task is delivered again", () -> redelivered.size() == 1);
        }

        assertThat(redelivered.get(0).attempt()).isEqualTo(2);
        assertThat(transport().deadTasks()).isEmpty();
    }

    @Test
    void settlingADeliveryTwiceIsAnError() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Subscription consumer = transport().consumeTasks(1, delivery -> {
            delivery.ack();
            try {
                delivery.requeue();
            } catch (IllegalStateException e) {
                errors.add(e);
            }
        })) {
            transport().publishTasks(List.of(aTask().build()));
            Await.until("the second settlement is refused", () -> errors.size() == 1);
        }
    }

    @Test
    void closingASubscriptionTwiceIsHarmless() throws Exception {
        Subscription subscription = transport().consumeTasks(2, TaskDelivery::ack);

        subscription.close();
        subscription.close();
    }

    @Test
    void aClosedTransportRefusesToPublish() {
        transport().close();

        assertThatThrownBy(() -> transport().publishTasks(List.of(aTask().build())))
                .isInstanceOf(TransportException.class);
    }
}
