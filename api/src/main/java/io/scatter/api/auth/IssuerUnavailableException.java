package io.scatter.api.auth;

/** The OIDC issuer's discovery document or key set could not be read, so no token can be checked now. */
final class IssuerUnavailableException extends Exception {

    IssuerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    IssuerUnavailableException(String message) {
        super(message);
    }
}
