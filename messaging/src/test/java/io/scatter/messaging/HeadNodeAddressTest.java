package io.scatter.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadNodeAddressTest {

    @Test
    void aHostAloneMeansTheAmqpPort() {
        assertThat(HeadNodeAddress.parse("raspberrypi.local")).isEqualTo(new HeadNodeAddress("raspberrypi.local", 5672));
    }

    @Test
    void aHostAndPortAreSplitAtTheColon() {
        assertThat(HeadNodeAddress.parse("10.0.0.2:5673")).isEqualTo(new HeadNodeAddress("10.0.0.2", 5673));
    }

    @Test
    void anIpv6AddressIsWrittenInBrackets() {
        assertThat(HeadNodeAddress.parse("[::1]:5700")).isEqualTo(new HeadNodeAddress("::1", 5700));
        assertThat(HeadNodeAddress.parse("[fe80::1]")).isEqualTo(new HeadNodeAddress("fe80::1", 5672));
    }

    @Test
    void theUriNamesTheHeadNodesVirtualHostAndEncodesTheCredentials() {
        assertThat(HeadNodeAddress.parse("pi:5672").uri("guest", "p@ss word"))
                .isEqualTo("amqp://guest:p%40ss%20word@pi:5672/scatter");
        assertThat(HeadNodeAddress.parse("[::1]").uri("u", "p")).isEqualTo("amqp://u:p@[::1]:5672/scatter");
    }

    @Test
    void theUriIsOneTheRabbitMqClientAccepts() {
        var factory = BrokerConnection.factory(HeadNodeAddress.parse("10.0.0.2:5673").uri("u", "p"));

        assertThat(factory.getHost()).isEqualTo("10.0.0.2");
        assertThat(factory.getPort()).isEqualTo(5673);
        assertThat(factory.getVirtualHost()).isEqualTo("scatter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "pi:", "pi:0", "pi:65536", "pi:http", "amqp://pi:5672", "fe80::1", "[::1",
            "[::1]5672", ":5672", "user@pi"})
    void anythingElseIsRefusedWithAOneLineReason(String text) {
        assertThatThrownBy(() -> HeadNodeAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }
}
