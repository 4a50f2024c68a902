package io.scatter.api.broker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether RabbitMQ is connected: UP when it is, UNKNOWN (not DOWN) while it is not, because the API still
 * accepts jobs then and keeps their tasks in the outbox.
 */
@Component
class BrokerHealthIndicator implements HealthIndicator {

    private final Broker broker;

    BrokerHealthIndicator(Broker broker) {
        this.broker = broker;
    }

    @Override
    public Health health() {
        return broker.connection().isPresent()
                ? Health.up().withDetail("connected", true).build()
                : Health.unknown().withDetail("connected", false).build();
    }
}
