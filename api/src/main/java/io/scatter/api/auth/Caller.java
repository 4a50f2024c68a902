package io.scatter.api.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;
import java.util.UUID;

/**
 * Who made an HTTP request: the API key or OIDC subject it authenticated as, or {@link #ANYONE} while authentication
 * is off. The authentication filter sets it as a request attribute; what is owned or limited per caller reads it with
 * {@link #of}.
 *
 * @param keyId       the API key's id, or for an OIDC JWT a name-based UUID of its issuer and {@code sub}, or null
 *                    for {@link #ANYONE}
 * @param name        the key's name, e.g. {@code ci-runner}, or the JWT's {@code preferred_username} (else
 *                    {@code sub})
 * @param oidcSubject whether the caller sent an OIDC JWT rather than an API key
 */
public record Caller(UUID keyId, String name, boolean oidcSubject) {

    /** The request attribute the caller is stored under. */
    public static final String ATTRIBUTE = Caller.class.getName();

    /** Every request while authentication is off ({@code --auth none}): one owner, one set of quotas. */
    public static final Caller ANYONE = new Caller(null, "anyone");

    public Caller {
        Objects.requireNonNull(name, "name");
    }

    /** A caller that authenticated with the API key {@code keyId}. */
    public Caller(UUID keyId, String name) {
        this(keyId, name, false);
    }

    /** The caller of {@code request}: the one the authentication filter set, else {@link #ANYONE}. */
    public static Caller of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : ANYONE;
    }

    /** Marks {@code request} as made by this caller. */
    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** Whether this is {@link #ANYONE}, i.e. no key was checked. */
    public boolean isAnyone() {
        return keyId == null;
    }
}
