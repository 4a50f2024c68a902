package io.scatter.api.auth;

import io.scatter.messaging.Settings;
import io.scatter.messaging.Settings.Option;
import io.scatter.messaging.Settings.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flags that accept OIDC JWTs beside API keys, for {@code scatter api} and {@code scatter serve}. */
public final class OidcOptions {

    /** The OIDC issuer whose JWTs are accepted beside API keys; none when empty. */
    public static final Option ISSUER = new Option("--oidc-issuer", "SCATTER_OIDC_ISSUER", "",
            "OIDC issuer URL whose JWTs are accepted beside API keys (keys from URL/.well-known/openid-configuration)");

    /** The audience an OIDC JWT must name in {@code aud}; any when empty. */
    public static final Option AUDIENCE = new Option("--oidc-audience", "SCATTER_OIDC_AUDIENCE", "",
            "the value an OIDC JWT's aud must contain (default: any audience)");

    /** Both options, in the order usage texts list them. */
    public static final List<Option> OPTIONS = List.of(ISSUER, AUDIENCE);

    private OidcOptions() {
    }

    /** The Spring properties {@code settings} give: none without an issuer. */
    public static Map<String, String> properties(Settings settings) throws UsageException {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!settings.get(ISSUER).isBlank()) {
            properties.put("scatter.auth.oidc-issuer", issuer(settings.get(ISSUER).trim()));
        }
        if (!settings.get(AUDIENCE).isBlank()) {
            properties.put("scatter.auth.oidc-audience", settings.get(AUDIENCE).trim());
        }
        return properties;
    }

    private static String issuer(String issuer) throws UsageException {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean web = uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new UsageException(ISSUER.flag() + " must be an http(s) URL without query or fragment, e.g. "
                    + "https://login.example.com/realms/scatter, got '" + issuer + "'");
        }
        return issuer;
    }
}
