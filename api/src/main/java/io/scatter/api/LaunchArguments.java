package io.scatter.api;

import io.scatter.api.auth.AuthMode;
import io.scatter.api.auth.OidcOptions;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.LogFormat;
import io.scatter.messaging.Settings;
import io.scatter.messaging.Settings.Option;
import io.scatter.messaging.Settings.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates the API's command-line flags and environment variables into Spring Boot {@code --property=value} arguments. */
final class LaunchArguments {

    /** How callers authenticate; {@code none} only on a trusted network. */
    static final Option AUTH = AuthMode.OPTION;

    /** The OIDC issuer whose JWTs are accepted beside API keys; none when empty. */
    static final Option OIDC_ISSUER = OidcOptions.ISSUER;

    /** The audience an OIDC JWT must name in {@code aud}; any when empty. */
    static final Option OIDC_AUDIENCE = OidcOptions.AUDIENCE;

    /** The flags the API understands, in the order its usage text lists them. */
    static final List<Option> OPTIONS = List.of(Settings.RABBITMQ, Settings.DATABASE, Settings.DATABASE_USER,
            Settings.DATABASE_PASSWORD, Settings.PORT, AUTH, OIDC_ISSUER, OIDC_AUDIENCE, Settings.PLUGINS,
            Settings.LOG_FORMAT, Settings.SIGNING_KEY_FILE);

    /** Arguments with these prefixes are Spring properties given directly; they pass through unchanged and win. */
    private static final List<String> PASS_THROUGH = List.of("--spring.", "--server.", "--scatter.", "--management.",
            "--logging.");

    private LaunchArguments() {
    }

    /**
     * The arguments to start Spring with: one {@code --property=value} per option (unless the same property was
     * passed through explicitly), followed by the passed-through arguments.
     *
     * @throws UsageException for an unknown flag, a flag without value, or an invalid value; one line for the user
     */
    static List<String> toSpringArguments(String[] args, Map<String, String> environment) throws UsageException {
        List<String> ours = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (passesThrough(arg)) {
                passed.add(arg);
                continue;
            }
            ours.add(arg);
            if (takesSeparateValue(arg) && i + 1 < args.length) {
                ours.add(args[++i]);
            }
        }
        Settings settings = Settings.parse(ours.toArray(String[]::new), environment, OPTIONS);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("scatter.rabbitmq.uri", rabbitUri(settings.get(Settings.RABBITMQ)));
        properties.put("spring.datasource.url", jdbcUrl(settings.get(Settings.DATABASE)));
        properties.put("spring.datasource.username", settings.get(Settings.DATABASE_USER));
        properties.put("spring.datasource.password", settings.get(Settings.DATABASE_PASSWORD));
        properties.put("server.port", Integer.toString(settings.getInt(Settings.PORT, 0, 65_535)));
        properties.put("scatter.auth.mode", authMode(settings.get(AUTH)));
        properties.putAll(OidcOptions.properties(settings));
        if (LogFormat.of(settings) == LogFormat.JSON) {
            properties.put("logging.structured.format.console", "logstash");
        }
        if (!settings.get(Settings.SIGNING_KEY_FILE).isBlank()) {
            properties.put("scatter.signing.key-file", settings.get(Settings.SIGNING_KEY_FILE).trim());
        }
        if (!settings.get(Settings.PLUGINS).isBlank()) {
            properties.put("scatter.plugins", plugins(settings.get(Settings.PLUGINS)));
        }
        List<String> result = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (passed.stream().noneMatch(arg -> arg.startsWith("--" + name + "="))) {
                result.add("--" + name + "=" + value);
            }
        });
        result.addAll(passed);
        return result;
    }

    /** The plug-in path, once every entry of it is known to be readable. */
    private static String plugins(String path) throws UsageException {
        try {
            JobTypes.checkPluginPath(path);
        } catch (IllegalArgumentException e) {
            throw new UsageException(Settings.PLUGINS.flag() + ": " + e.getMessage());
        }
        return path;
    }

    /** The usage text of the API's flags. */
    static String usage() {
        return Settings.usage("java -jar scatter-api-exec.jar", OPTIONS)
                + "  --spring.*=, --server.*=, --scatter.*=, --management.*=, --logging.*= pass through to Spring\n"
                + "example: scatter api --port 8080 --rabbitmq amqp://user:password@rabbitmq:5672 "
                + "--database jdbc:postgresql://db:5432/scatter\n";
    }

    private static boolean passesThrough(String arg) {
        return PASS_THROUGH.stream().anyMatch(arg::startsWith);
    }

    private static boolean takesSeparateValue(String arg) {
        return arg.indexOf('=') < 0 && OPTIONS.stream().anyMatch(option -> option.flag().equals(arg));
    }

    private static String rabbitUri(String uri) throws UsageException {
        try {
            BrokerConnection.factory(uri);
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException(Settings.RABBITMQ.flag() + ": " + e.getMessage());
        }
    }

    private static String authMode(String mode) throws UsageException {
        try {
            return AuthMode.parse(mode).value();
        } catch (IllegalArgumentException e) {
            throw new UsageException(AUTH.flag() + " " + e.getMessage());
        }
    }

    private static String jdbcUrl(String url) throws UsageException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UsageException(Settings.DATABASE.flag() + " must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:port/database), got '" + url + "'");
        }
        return url;
    }
}
