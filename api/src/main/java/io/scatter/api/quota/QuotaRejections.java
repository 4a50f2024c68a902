package io.scatter.api.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/** Counts the requests and jobs turned away by each limit, as {@code scatter.quota.rejections{limit}}. */
@Component
class QuotaRejections {

    static final String METRIC = "scatter.quota.rejections";

    private final Map<Limit, Counter> counters = new EnumMap<>(Limit.class);

    QuotaRejections(MeterRegistry registry) {
        for (Limit limit : Limit.values()) {
            counters.put(limit, Counter.builder(METRIC)
                    .description("Requests and jobs rejected for going over a per-caller quota")
                    .tag("limit", limit.label())
                    .register(registry));
        }
    }

    void count(Limit limit) {
        counters.get(limit).increment();
    }
}
