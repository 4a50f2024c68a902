package io.scatter.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Checks an OIDC access or ID token: its signature against the issuer's keys ({@link IssuerKeys}), then {@code iss},
 * {@code exp}/{@code nbf} (with {@code clockSkew}), {@code aud} (when an audience is configured) and {@code sub}.
 */
final class JwtAuthenticator {

    private static final List<JWSAlgorithm> ACCEPTED = List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final String issuer;
    private final String audience;
    private final IssuerKeys keys;
    private final Clock clock;
    private final Duration clockSkew;

    /**
     * @param audience the value {@code aud} must contain, or blank to accept any audience
     */
    JwtAuthenticator(String issuer, String audience, IssuerKeys keys, Clock clock, Duration clockSkew) {
        this.issuer = issuer;
        this.audience = audience == null ? "" : audience.trim();
        this.keys = keys;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /** Whether a bearer token has the shape of a JWT rather than of an API key (which starts with {@code sk_}). */
    static boolean looksLikeJwt(String token) {
        return !token.startsWith(ApiKeyTokens.PREFIX) && token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The caller that {@code token} authenticates, or which check it failed. */
    Outcome authenticate(String token) throws IssuerUnavailableException {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Outcome.refused(Refusal.MALFORMED_TOKEN);
        }
        if (!ACCEPTED.contains(jwt.getHeader().getAlgorithm())) {
            return Outcome.refused(Refusal.MALFORMED_TOKEN);
        }
        if (!issuer.equals(claims.getIssuer())) {
            return Outcome.refused(Refusal.WRONG_ISSUER);
        }
        if (!signedByIssuer(jwt)) {
            return Outcome.refused(Refusal.BAD_SIGNATURE);
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || now.isAfter(expires.toInstant().plus(clockSkew))) {
            return Outcome.refused(Refusal.EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(clockSkew))) {
            return Outcome.refused(Refusal.NOT_YET_VALID);
        }
        if (!audience.isEmpty() && (claims.getAudience() == null || !claims.getAudience().contains(audience))) {
            return Outcome.refused(Refusal.WRONG_AUDIENCE);
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            return Outcome.refused(Refusal.NO_SUBJECT);
        }
        return new Outcome(new Caller(callerId(issuer, subject), name(claims, subject), true), null);
    }

    /** The stable id of a token's subject, used as its jobs' owner; a name-based UUID never equals an API key's id. */
    static UUID callerId(String issuer, String subject) {
        return UUID.nameUUIDFromBytes(("oidc\n" + issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
    }

    private static String name(JWTClaimsSet claims, String subject) {
        try {
            String preferred = claims.getStringClaim("preferred_username");
            return preferred == null || preferred.isBlank() ? subject : preferred;
        } catch (ParseException e) {
            return subject;
        }
    }

    private boolean signedByIssuer(SignedJWT jwt) throws IssuerUnavailableException {
        for (JWK key : keys.keysFor(jwt.getHeader().getKeyID())) {
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                continue;
            }
            try {
                JWSVerifier verifier = verifier(key);
                if (verifier != null && verifier.supportedJWSAlgorithms().contains(jwt.getHeader().getAlgorithm())
                        && jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                // a key of the wrong shape for this token: try the next one
            }
        }
        return false;
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        return null;
    }
}
