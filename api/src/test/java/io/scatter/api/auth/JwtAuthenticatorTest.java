package io.scatter.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.scatter.api.testing.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of a JWT one by one, against a test-local issuer and an adjustable clock. */
class JwtAuthenticatorTest {

    private final TestIssuer issuer = TestIssuer.start();
    private final AdjustableClock clock = AdjustableClock.system();

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void theCallerIsNamedByPreferredUsernameAndIdentifiedByIssuerAndSubject() throws Exception {
        String token = issuer.aToken().subject("3f2a").preferredUsername("alice").serialize();

        Caller caller = authenticator(Duration.ZERO).authenticate(token).caller();

        assertThat(caller.name()).isEqualTo("alice");
        assertThat(caller.oidcSubject()).isTrue();
        assertThat(caller.keyId()).isEqualTo(JwtAuthenticator.callerId(issuer.url(), "3f2a"))
                .isNotEqualTo(JwtAuthenticator.callerId("https://other.example", "3f2a"));
    }

    @Test
    void withoutPreferredUsernameTheCallerIsNamedBySubject() throws Exception {
        Caller caller = authenticator(Duration.ZERO).authenticate(issuer.aToken().subject("bob").serialize()).caller();

        assertThat(caller.name()).isEqualTo("bob");
    }

    @Test
    void aTokenJustPastItsExpiryIsAcceptedWithinTheClockSkewAndRefusedAfterIt() throws Exception {
        String token = issuer.aToken().expires(clock.instant().minusSeconds(30)).serialize();

        assertThat(authenticator(Duration.ZERO).authenticate(token).caller()).isNotNull();
        clock.advance(Duration.ofSeconds(31));
        assertThat(authenticator(Duration.ZERO).authenticate(token).refusal()).isEqualTo(Refusal.EXPIRED);
    }

    @Test
    void aTokenSignedWithASharedSecretIsRefusedWhateverItsClaims() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer.url()).subject("alice")
                .audience("scatter-api").expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(new byte[32]));

        assertThat(authenticator(Duration.ZERO).authenticate(jwt.serialize()).refusal())
                .isEqualTo(Refusal.MALFORMED_TOKEN);
    }

    @Test
    void anUnknownKeyIdReadsTheKeySetAgainAtMostOncePerRefreshInterval() throws Exception {
        JwtAuthenticator authenticator = authenticator(Duration.ofSeconds(30));
        assertThat(authenticator.authenticate(issuer.aToken().serialize()).caller()).isNotNull();
        String unknown = issuer.aToken().signedWith(TestIssuer.newKey()).serialize();

        assertThat(authenticator.authenticate(unknown).refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
        assertThat(authenticator.authenticate(unknown).refusal()).isEqualTo(Refusal.BAD_SIGNATURE);

        assertThat(issuer.keySetReads()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(authenticator.authenticate(unknown).refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
        assertThat(issuer.keySetReads()).isEqualTo(2);
    }

    @Test
    void anUnreachableIssuerMeansNoTokenCanBeCheckedNow() {
        String token = issuer.aToken().serialize();
        JwtAuthenticator authenticator = authenticator(Duration.ZERO);
        issuer.close();

        assertThatThrownBy(() -> authenticator.authenticate(token)).isInstanceOf(IssuerUnavailableException.class)
                .hasMessageContaining(issuer.url() + "/.well-known/openid-configuration");
    }

    @Test
    void onlyThreePartTokensThatAreNotApiKeysLookLikeJwts() {
        assertThat(JwtAuthenticator.looksLikeJwt(issuer.aToken().serialize())).isTrue();
        assertThat(JwtAuthenticator.looksLikeJwt("sk_a.b.c")).isFalse();
        assertThat(JwtAuthenticator.looksLikeJwt("not-a-key")).isFalse();
    }

    private JwtAuthenticator authenticator(Duration refreshInterval) {
        return new JwtAuthenticator(issuer.url(), "scatter-api", new IssuerKeys(issuer.url(), clock, refreshInterval),
                clock, Duration.ofSeconds(60));
    }
}
