package io.scatter.api.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Makes the application clock an {@link AdjustableClock} on the system clock, for tests that move time. */
@TestConfiguration
public class AdjustableClockConfiguration {

    @Bean
    @Primary
    AdjustableClock adjustableClock() {
        return AdjustableClock.system();
    }
}
