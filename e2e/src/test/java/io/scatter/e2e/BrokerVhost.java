package io.scatter.e2e;

import io.scatter.messaging.testing.TestVhost;

/** A RabbitMQ virtual host that a {@link ScatterCluster} runs in: where its processes connect, and its broker's CLI. */
interface BrokerVhost extends AutoCloseable {

    String name();

    /** The AMQP URI of the virtual host for the guest user; it may list several nodes. */
    String uri();

    /** Runs {@code rabbitmqctl args…} against the broker holding the virtual host; fails on a non-zero exit. */
    String rabbitmqctl(String... args) throws InterruptedException;

    /** Deletes the virtual host. */
    @Override
    void close() throws InterruptedException;

    /** A new virtual host on this machine's RabbitMQ ({@code rabbit@localhost}), as every test but one uses. */
    static BrokerVhost local(String prefix) {
        return new Local(TestVhost.create(prefix));
    }

    /** A virtual host of the machine's RabbitMQ, made and removed by {@link TestVhost}. */
    record Local(TestVhost vhost) implements BrokerVhost {

        @Override
        public String name() {
            return vhost.name();
        }

        @Override
        public String uri() {
            return vhost.uri();
        }

        @Override
        public String rabbitmqctl(String... args) {
            return TestVhost.rabbitmqctl(args);
        }

        @Override
        public void close() {
            vhost.close();
        }
    }
}
