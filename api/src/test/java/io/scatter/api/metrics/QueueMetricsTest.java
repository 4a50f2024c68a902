package io.scatter.api.metrics;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scatter.api.broker.Broker;
import io.scatter.messaging.BrokerConnection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class QueueMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Broker broker = mock(Broker.class);
    private final QueueMetrics metrics = new QueueMetrics(broker, registry,
            new MetricsProperties(Duration.ofSeconds(5)));

    @Test
    void whileTheApiIsNotConnectedTheQueuesAreUnknown() {
        when(broker.connection()).thenReturn(Optional.empty());

        metrics.runOnce();

        assertThat(messages("scatter.tasks")).isNaN();
        assertThat(consumers("scatter.tasks")).isNaN();
    }

    @Test
    void eachQueuesDepthAndConsumersAreWhatThePassiveDeclareSays() throws IOException {
        Channel channel = connectedChannel();
        when(channel.queueDeclarePassive(anyString())).thenAnswer(call -> new AMQP.Queue.DeclareOk.Builder()
                .queue(call.getArgument(0)).messageCount(call.<String>getArgument(0).length()).consumerCount(2)
                .build());

        metrics.runOnce();

        assertThat(messages("scatter.tasks")).isEqualTo("scatter.tasks".length());
        assertThat(messages("scatter.results.dead-letter")).isEqualTo("scatter.results.dead-letter".length());
        assertThat(consumers("scatter.results")).isEqualTo(2);
    }

    @Test
    void aBrokerThatDoesNotAnswerMakesTheQueuesUnknownAndTheRunFail() throws IOException {
        Channel channel = connectedChannel();
        when(channel.queueDeclarePassive(anyString())).thenReturn(new AMQP.Queue.DeclareOk.Builder()
                .queue("q").messageCount(7).consumerCount(1).build());
        metrics.runOnce();
        when(channel.queueDeclarePassive(anyString())).thenThrow(new IOException("channel closed"));

        assertThatThrownBy(metrics::runOnce).hasMessage("cannot read the queues from the broker: channel closed");
        assertThat(messages("scatter.tasks")).isNaN();
    }

    private Channel connectedChannel() throws IOException {
        BrokerConnection connection = mock(BrokerConnection.class);
        Channel channel = mock(Channel.class);
        when(broker.connection()).thenReturn(Optional.of(connection));
        when(connection.openChannel()).thenReturn(channel);
        when(channel.isOpen()).thenReturn(true);
        return channel;
    }

    private double messages(String queue) {
        return registry.get("scatter.queue.messages").tag("queue", queue).gauge().value();
    }

    private double consumers(String queue) {
        return registry.get("scatter.queue.consumers").tag("queue", queue).gauge().value();
    }
}
