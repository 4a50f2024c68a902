package io.scatter.api.auth;

import io.scatter.api.testing.AdjustableClock;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Checking keys: a known key is trusted from memory until its cached row expires, then read again. */
@DatabaseTest
class ApiKeyAuthenticatorTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();
    private static final Duration TTL = Duration.ofSeconds(30);

    private final AtomicInteger connections = new AtomicInteger();
    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiKeyStore store = new ApiKeyStore(counting(environment.dataSource()));
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, clock, TTL);

    @Test
    void aKnownKeyIsCheckedWithoutTheDatabaseUntilItsCacheExpires() throws SQLException {
        String name = "cached-" + UUID.randomUUID();
        String key = store.create(name).token();
        int afterCreate = connections.get();

        assertThat(authenticator.authenticate(key).caller().name()).isEqualTo(name);
        assertThat(authenticator.authenticate(key).caller().oidcSubject()).isFalse();
        assertThat(connections.get()).isEqualTo(afterCreate + 1);

        clock.advance(TTL);
        authenticator.authenticate(key);
        assertThat(connections.get()).isEqualTo(afterCreate + 2);
    }

    @Test
    void aRevocationIsSeenOnceTheCachedKeyExpires() throws SQLException {
        String name = "revoked-" + UUID.randomUUID();
        String key = store.create(name).token();
        authenticator.authenticate(key);
        store.revoke(name);

        assertThat(authenticator.authenticate(key).caller()).as("still cached").isNotNull();
        clock.advance(TTL);
        assertThat(authenticator.authenticate(key).refusal()).isEqualTo(Refusal.REVOKED);
    }

    @Test
    void theRightIdWithTheWrongSecretIsInvalid() throws SQLException {
        String key = store.create("secret-" + UUID.randomUUID()).token();
        String other = ApiKeyTokens.generate(ApiKeyTokens.id(key).orElseThrow());

        assertThat(authenticator.authenticate(other).refusal()).isEqualTo(Refusal.INVALID);
        assertThat(authenticator.authenticate(key).caller()).isNotNull();
    }

    private DataSource counting(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
