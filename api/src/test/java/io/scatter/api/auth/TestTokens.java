package io.scatter.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signed JWTs for tests, built claim by claim; by default valid for five minutes, for subject {@code alice}. */
final class TestTokens {

    private TestTokens() {
    }

    static Builder aToken() {
        return new Builder();
    }

    static final class Builder {

        private String issuer = "http://127.0.0.1:1";
        private String subject = "alice";
        private List<String> audience = List.of("scatter-api");
        private Instant expires = Instant.now().plus(Duration.ofMinutes(5));
        private String preferredUsername;
        private RSAKey key;

        Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        Builder expires(Instant expires) {
            this.expires = expires;
            return this;
        }

        Builder preferredUsername(String preferredUsername) {
            this.preferredUsername = preferredUsername;
            return this;
        }

        Builder signedWith(RSAKey key) {
            this.key = key;
            return this;
        }

        /** The compact serialization, as sent in {@code Authorization: Bearer}. */
        String serialize() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                    .audience(audience).issueTime(Date.from(expires.minus(Duration.ofMinutes(10))))
                    .expirationTime(Date.from(expires));
            if (preferredUsername != null) {
                claims.claim("preferred_username", preferredUsername);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
