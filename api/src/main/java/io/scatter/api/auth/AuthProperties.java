package io.scatter.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Authentication of the HTTP API.
 *
 * @param mode     {@code api-key} or {@code none} (see {@link AuthMode})
 * @param cacheTtl how long a key looked up in the database is trusted before it is read again; a key revoked by
 *                 {@code keys revoke} is refused by every API replica within this time
 */
@ConfigurationProperties("scatter.auth")
record AuthProperties(@DefaultValue("api-key") String mode, @DefaultValue("30s") Duration cacheTtl) {

    AuthMode authMode() {
        return AuthMode.parse(mode);
    }
}
