package io.scatter.api.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The signing keys of an OIDC issuer, found through its discovery document ({@code jwks_uri}) and kept in memory; they
 * are read again when they are older than {@link #MAX_AGE}, or when a token names an unknown key id and the last read
 * is at least {@code refreshInterval} old (so that rotated keys are picked up but unknown ids cannot flood the issuer).
 */
final class IssuerKeys {

    static final Duration MAX_AGE = Duration.ofMinutes(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String issuer;
    private final Clock clock;
    private final Duration refreshInterval;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Loaded loaded;

    IssuerKeys(String issuer, Clock clock, Duration refreshInterval) {
        this.issuer = issuer;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** The issuer's keys with id {@code kid}, or all of its keys when {@code kid} is null; empty if there is none. */
    List<JWK> keysFor(String kid) throws IssuerUnavailableException {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.at().plus(MAX_AGE))) {
            current = reload(current);
        }
        List<JWK> found = current.matching(kid);
        if (found.isEmpty() && kid != null && !now.isBefore(current.at().plus(refreshInterval))) {
            found = reload(current).matching(kid);
        }
        return found;
    }

    /** Reads the key set again unless another thread already did since {@code seen} was read. */
    private synchronized Loaded reload(Loaded seen) throws IssuerUnavailableException {
        if (loaded != seen) {
            return loaded;
        }
        URI jwksUri = seen != null ? seen.jwksUri() : jwksUri();
        try {
            loaded = new Loaded(jwksUri, JWKSet.parse(get(jwksUri)), clock.instant());
        } catch (ParseException e) {
            throw new IssuerUnavailableException("the key set at " + jwksUri + " is not a JWK set: " + e.getMessage(),
                    e);
        }
        return loaded;
    }

    private URI jwksUri() throws IssuerUnavailableException {
        URI discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            Object jwksUri = JSONObjectUtils.parse(get(discovery)).get("jwks_uri");
            if (!(jwksUri instanceof String uri) || uri.isBlank()) {
                throw new IssuerUnavailableException(discovery + " has no jwks_uri");
            }
            return URI.create(uri);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IssuerUnavailableException(discovery + " is not a discovery document: " + e.getMessage(), e);
        }
    }

    private String get(URI uri) throws IssuerUnavailableException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IssuerUnavailableException(uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IssuerUnavailableException(uri + " could not be read: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerUnavailableException(uri + " could not be read: interrupted", e);
        }
    }

    private record Loaded(URI jwksUri, JWKSet keys, Instant at) {

        List<JWK> matching(String kid) {
            return keys.getKeys().stream().filter(key -> kid == null || kid.equals(key.getKeyID())).toList();
        }
    }
}
