package io.scatter.api.auth;

/** Why a bearer token (an API key or an OIDC JWT) was refused; each is a 401 and a {@code scatter.auth.refused} tag. */
enum Refusal {
    MISSING("this endpoint needs an API key: send Authorization: Bearer <key> (create one with "
            + "'scatter keys create --name NAME')"),
    INVALID("the API key is not valid"),
    REVOKED("the API key was revoked"),
    MALFORMED_TOKEN("the token is not a valid signed JWT"),
    BAD_SIGNATURE("the token's signature does not match any key of the issuer"),
    WRONG_ISSUER("the token was not issued by the configured OIDC issuer"),
    WRONG_AUDIENCE("the token's audience does not include this API"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet (nbf is in the future)"),
    NO_SUBJECT("the token has no subject (sub)");

    private final String detail;

    Refusal(String detail) {
        this.detail = detail;
    }

    String detail() {
        return detail;
    }
}
