package io.scatter.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's configuration from {@code --flag value} / {@code --flag=value} arguments, then environment variables
 * (or the files their {@code _FILE} variants name), then defaults, in that order of precedence.
 */
public final class Settings {

    /** The RabbitMQ URI, shared by the API and the workers; a cluster's nodes as comma-separated addresses. */
    public static final Option RABBITMQ = new Option("--rabbitmq", "SCATTER_RABBITMQ_URI",
            "amqp://guest:guest@127.0.0.1:5672",
            "RabbitMQ URI; a cluster's nodes comma-separated: amqp://USER:PASS@HOST:PORT,HOST:PORT/VHOST");
    /** The PostgreSQL JDBC URL of the API. */
    public static final Option DATABASE = new Option("--database", "SCATTER_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test", "PostgreSQL JDBC URL");
    /** The PostgreSQL user of the API. */
    public static final Option DATABASE_USER = new Option("--database-user", "SCATTER_DATABASE_USER",
            "postgres", "PostgreSQL user");
    /** The PostgreSQL password of the API. */
    public static final Option DATABASE_PASSWORD = new Option("--database-password", "SCATTER_DATABASE_PASSWORD",
            "", "PostgreSQL password");
    /** Where the job-type plug-ins are, beyond the class path. */
    public static final Option PLUGINS = new Option("--plugins", "SCATTER_PLUGINS", "",
            "job-type plug-ins: jars, directories of jars or class directories, separated by ':'");
    /** The HTTP port of the API. */
    public static final Option PORT = new Option("--port", "SCATTER_PORT", "8080", "HTTP port");
    /** How log lines look: readable text, or one JSON object a line (see {@link LogFormat}). */
    public static final Option LOG_FORMAT = new Option("--log-format", "SCATTER_LOG_FORMAT", "text",
            "log lines as 'text' or 'json' (one JSON object a line, with job_id, task_index and worker)");

    /** Appended to an option's environment variable, names a file holding its value (e.g. a mounted secret). */
    public static final String FILE_SUFFIX = "_FILE";

    /**
     * A file holding the keys task messages are signed and verified with (see {@link MessageSigning}); wins over the
     * variable {@value #SIGNING_KEY_VARIABLE}.
     */
    public static final Option SIGNING_KEY_FILE = new Option("--signing-key-file", "SCATTER_SIGNING_KEY_FILE", "",
            "file with the shared keys tasks are signed and verified with, one a line (the first signs); none: "
                    + "$SCATTER_SIGNING_KEY, comma-separated, else no signing");
    /** The environment variable with the signing keys, comma-separated; never a flag, which others could see. */
    public static final String SIGNING_KEY_VARIABLE = "SCATTER_SIGNING_KEY";

    private final Map<String, String> values;
    private final Map<String, Boolean> given;

    private Settings(Map<String, String> values, Map<String, Boolean> given) {
        this.values = values;
        this.given = given;
    }

    /** One configurable value: its flag, its environment variable, its default and a few words of help. */
    public record Option(String flag, String environment, String defaultValue, String help) {
    }

    /** Thrown for arguments that do not fit the options; its message is one line for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Resolves every option from {@code args}, then {@code environment}, then its default. */
    public static Settings parse(String[] args, Map<String, String> environment, List<Option> options)
            throws UsageException {
        Map<String, Option> byFlag = new LinkedHashMap<>();
        options.forEach(option -> byFlag.put(option.flag(), option));
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!byFlag.containsKey(flag)) {
                throw new UsageException("unknown option '" + arg + "'; options: " + String.join(", ", byFlag.keySet()));
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + flag + " needs a value");
                }
                value = args[++i];
            }
            given.put(flag, value);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Boolean> set = new LinkedHashMap<>();
        for (Option option : options) {
            String value = given.get(option.flag());
            if (value == null && option.environment() != null) {
                value = fromEnvironment(option, environment);
            }
            set.put(option.flag(), value != null);
            values.put(option.flag(), value == null ? option.defaultValue() : value);
        }
        return new Settings(values, set);
    }

    /**
     * The value of {@code option}'s environment variable, or else the content of the file its {@code _FILE} variant
     * names (a mounted secret; one trailing line break dropped), or null.
     */
    private static String fromEnvironment(Option option, Map<String, String> environment) throws UsageException {
        String value = environment.get(option.environment());
        String file = environment.get(option.environment() + FILE_SUFFIX);
        if (file == null) {
            return value;
        }
        if (value != null) {
            throw new UsageException("set " + option.environment() + " or " + option.environment() + FILE_SUFFIX
                    + ", not both");
        }
        try {
            return Files.readString(Path.of(file)).replaceFirst("\r?\n$", "");
        } catch (IOException | RuntimeException e) {
            throw new UsageException(option.environment() + FILE_SUFFIX + " names '" + file
                    + "', which cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** The value of {@code option}. */
    public String get(Option option) {
        return values.get(option.flag());
    }

    /** Whether {@code option} was given as a flag or an environment variable rather than left at its default. */
    public boolean isGiven(Option option) {
        return given.getOrDefault(option.flag(), false);
    }

    /** The value of {@code option} as an integer within {@code min..max}. */
    public int getInt(Option option, int min, int max) throws UsageException {
        String text = get(option);
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new UsageException(option.flag() + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option.flag() + " must be an integer, got '" + text + "'");
        }
    }

    /** A usage text listing the options with their environment variables and defaults. */
    public static String usage(String command, List<Option> options) {
        StringBuilder text = new StringBuilder("usage: ").append(command).append(" [options]\n");
        for (Option option : options) {
            text.append(String.format("  %-22s %s (env %s, default %s)%n", option.flag() + " VALUE", option.help(),
                    option.environment(), option.defaultValue().isEmpty() ? "none" : option.defaultValue()));
        }
        return text.toString();
    }
}
