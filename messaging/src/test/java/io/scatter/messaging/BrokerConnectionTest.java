package io.scatter.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerConnectionTest {

    @Test
    void theHeartbeatIsFifteenSecondsUnlessTheUriSaysOtherwise() {
        assertThat(BrokerConnection.factory("amqp://guest:guest@127.0.0.1:5672").getRequestedHeartbeat())
                .isEqualTo(BrokerConnection.DEFAULT_HEARTBEAT_SECONDS);
        assertThat(BrokerConnection.factory("amqp://guest:guest@127.0.0.1:5672/%2F?heartbeat=60")
                .getRequestedHeartbeat()).isEqualTo(60);
        assertThat(BrokerConnection.factory("amqp://127.0.0.1/v?connection_timeout=2000&heartbeat=0")
                .getRequestedHeartbeat()).isZero();
    }

    @Test
    void aMalformedUriIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> BrokerConnection.factory("http://guest:secret@[broken"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid RabbitMQ URI").hasMessageNotContaining("secret");
    }
}
