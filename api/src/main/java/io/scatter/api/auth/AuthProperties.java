package io.scatter.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Authentication of the HTTP API.
 *
 * @param mode                    {@code api-key} or {@code none} (see {@link AuthMode})
 * @param cacheTtl                how long a key looked up in the database is trusted before it is read again; a key
 *                                revoked by {@code keys revoke} is refused by every API replica within this time
 * @param oidcIssuer              the OIDC issuer whose JWTs are accepted beside API keys, or null for none
 * @param oidcAudience            the value a JWT's {@code aud} must contain, or null to accept any audience
 * @param oidcClockSkew           how far {@code exp} and {@code nbf} may be off from this host's clock
 * @param oidcKeysRefreshInterval the least time between two reads of the issuer's keys for unknown key ids
 */
@ConfigurationProperties("scatter.auth")
record AuthProperties(@DefaultValue("api-key") String mode, @DefaultValue("30s") Duration cacheTtl,
                      String oidcIssuer, String oidcAudience, @DefaultValue("60s") Duration oidcClockSkew,
                      @DefaultValue("30s") Duration oidcKeysRefreshInterval) {

    AuthMode authMode() {
        return AuthMode.parse(mode);
    }

    boolean oidcEnabled() {
        return oidcIssuer != null && !oidcIssuer.isBlank();
    }

    String oidcAudienceOrEmpty() {
        return oidcAudience == null ? "" : oidcAudience.trim();
    }
}
