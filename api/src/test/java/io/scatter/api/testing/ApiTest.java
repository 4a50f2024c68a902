package io.scatter.api.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole API on a random port, one Spring context per test class (closed after it, then its {@link ApiEnvironment}
 * deleted); with authentication off, as on a trusted network, unless the class turns it on (see the auth tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ApiEnvironment.Cleanup.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"scatter.outbox.interval=50ms", "logging.level.io.scatter=INFO", "scatter.auth.mode=none"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface ApiTest {
}
