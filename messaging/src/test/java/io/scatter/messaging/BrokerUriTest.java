package io.scatter.messaging;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerUriTest {

    @Test
    void oneAddressIsTheUriItselfAsTheClientReadsIt() {
        BrokerUri uri = BrokerUri.parse("amqp://guest:guest@127.0.0.1:5672");

        assertThat(uri.nodeUri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
        assertThat(uri.addresses()).containsExactly(new Address("127.0.0.1", 5672));
    }

    @Test
    void oneAddressWithoutAPortGetsTheSchemesDefaultPort() {
        assertThat(BrokerUri.parse("amqp://broker/vh").addresses()).containsExactly(new Address("broker", 5672));
        assertThat(BrokerUri.parse("amqps://broker/vh").addresses()).containsExactly(new Address("broker", 5671));
    }

    @Test
    void severalAddressesShareTheCredentialsVirtualHostAndQuery() {
        BrokerUri uri = BrokerUri.parse("amqp://u:p@127.0.0.1:5672,127.0.0.1:5673,127.0.0.1:5674/drill?heartbeat=20");

        assertThat(uri.addresses()).containsExactly(new Address("127.0.0.1", 5672), new Address("127.0.0.1", 5673),
                new Address("127.0.0.1", 5674));
        assertThat(uri.nodeUri()).isEqualTo("amqp://u:p@127.0.0.1:5672/drill?heartbeat=20");
        ConnectionFactory factory = new ConnectionFactory();
        uri.configure(factory);
        assertThat(factory.getUsername()).isEqualTo("u");
        assertThat(factory.getPassword()).isEqualTo("p");
        assertThat(factory.getVirtualHost()).isEqualTo("drill");
        assertThat(factory.getRequestedHeartbeat()).isEqualTo(20);
    }

    @Test
    void anAddressInTheListMayLeaveOutItsPortOrBeIpv6InBrackets() {
        assertThat(BrokerUri.parse("amqp://rabbit-1,[fd00::3]:5700,rabbit-2:5673").addresses()).containsExactly(
                new Address("rabbit-1", 5672), new Address("[fd00::3]", 5700), new Address("rabbit-2", 5673));
    }

    @Test
    void aListWithoutCredentialsOrVirtualHostIsAcceptedToo() {
        assertThat(BrokerUri.parse("amqp://a:1,b:2").nodeUri()).isEqualTo("amqp://a:1");
    }

    @Test
    void theAddressesAreDescribedForLogs() {
        assertThat(BrokerUri.parse("amqp://u:p@a:5672,b:5673/v").describeAddresses()).isEqualTo("a:5672,b:5673");
    }

    @Test
    void theConnectionFactoryOfAListIsSetToItsFirstAddress() {
        ConnectionFactory factory = BrokerConnection.factory("amqp://u:p@10.0.0.1:5673,10.0.0.2:5674/vh");

        assertThat(factory.getHost()).isEqualTo("10.0.0.1");
        assertThat(factory.getPort()).isEqualTo(5673);
        assertThat(factory.getVirtualHost()).isEqualTo("vh");
        assertThat(factory.isAutomaticRecoveryEnabled()).isTrue();
    }

    @Test
    void aSingleAddressWithAPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> BrokerUri.parse("amqp://u:p@a:70000/v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp://u:p@a:5672,,b:5673/v", "amqp://u:p@a:5672,/v", "amqp://u:p@,a:5672/v",
            "amqp://u:p@a:5672,b:http/v", "amqp://u:p@a:5672,b:99999/v", "amqp://u:p@a:5672,b c:5673/v",
            "amqp://u:p@a:5672,[::1/v", "amqp://u:p@a:5672, b:5673/v",
            "amqp://u:p@b c:5673/v"})
    void aMalformedListIsRefusedWithOneLineThatHidesThePassword(String text) {
        assertThatThrownBy(() -> BrokerUri.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("invalid RabbitMQ URI 'amqp://u:***@")
                        .doesNotContain("\n").doesNotContain(":p@"));
    }

    @Test
    void printingAUriNeverShowsItsPassword() {
        assertThat(BrokerUri.parse("amqp://scatter:s3cr%21t@127.0.0.1:5672,127.0.0.1:5673/vh").toString())
                .doesNotContain("s3cr").contains("scatter:***@").contains("127.0.0.1:5673");
    }

    @Test
    void anAmqpsUriUsesTlsAndChecksTheBrokersHostName() {
        HostnameCheckingFactory factory = new HostnameCheckingFactory();

        BrokerUri.parse("amqps://u:p@broker.example/vh").configure(factory);

        assertThat(factory.isSSL()).isTrue();
        assertThat(factory.getPort()).isEqualTo(5671);
        assertThat(factory.hostnameVerification).isTrue();
    }

    @Test
    void aPlainAmqpUriUsesNoTls() {
        HostnameCheckingFactory factory = new HostnameCheckingFactory();

        BrokerUri.parse("amqp://u:p@broker.example/vh").configure(factory);

        assertThat(factory.isSSL()).isFalse();
        assertThat(factory.hostnameVerification).isFalse();
    }

    /** A connection factory that records whether hostname verification was turned on. */
    private static final class HostnameCheckingFactory extends ConnectionFactory {

        private boolean hostnameVerification;

        @Override
        public void enableHostnameVerification() {
            hostnameVerification = true;
            super.enableHostnameVerification();
        }
    }
}
