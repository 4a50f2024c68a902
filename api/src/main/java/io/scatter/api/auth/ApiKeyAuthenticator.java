package io.scatter.api.auth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks API keys against their stored hashes, keeping each key's row (or its absence) for {@code cacheTtl} so that a
 * known key costs no database round trip; a revocation is seen once the cached row expires.
 */
final class ApiKeyAuthenticator {

    /** Past this many cached ids (keys or guesses) the cache starts over, so that guessing cannot fill the heap. */
    private static final int MAX_CACHED = 10_000;

    private final ApiKeyStore store;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    ApiKeyAuthenticator(ApiKeyStore store, Clock clock, Duration cacheTtl) {
        this.store = store;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /** The caller that {@code token} (the text after {@code Bearer}) authenticates, or why it does not. */
    Outcome authenticate(String token) throws SQLException {
        Optional<UUID> id = ApiKeyTokens.id(token);
        if (id.isEmpty()) {
            return new Outcome(null, Refusal.INVALID);
        }
        Optional<ApiKeyStore.StoredKey> stored = lookUp(id.get());
        if (stored.isEmpty() || !ApiKeyTokens.matches(token, stored.get().hash())) {
            return new Outcome(null, Refusal.INVALID);
        }
        if (stored.get().revoked()) {
            return new Outcome(null, Refusal.REVOKED);
        }
        return new Outcome(new Caller(stored.get().id(), stored.get().name()), null);
    }

    private Optional<ApiKeyStore.StoredKey> lookUp(UUID id) throws SQLException {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.key();
        }
        Optional<ApiKeyStore.StoredKey> key = store.find(id);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(id, new Cached(key, now.plus(cacheTtl)));
        return key;
    }

    private record Cached(Optional<ApiKeyStore.StoredKey> key, Instant expires) {
    }
}
