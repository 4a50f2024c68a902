package io.scatter.api.auth;

import ch.qos.logback.classic.Level;
import io.scatter.messaging.Settings;
import io.scatter.messaging.Settings.Option;
import io.scatter.messaging.Settings.UsageException;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scatter keys create --name NAME | list | revoke NAME-OR-ID}: manages API keys straight in the database (after
 * migrating it like the API does), so that the first key needs none. {@code create} prints the key alone on stdout.
 */
public final class KeysCommand {

    /** Exit code of a done command. */
    public static final int OK = 0;
    /** Exit code when the key to revoke does not exist or the database cannot be used. */
    public static final int FAILED = 1;
    /** Exit code of a command line that does not fit, or a name that is not valid or taken. */
    public static final int USAGE = 2;

    private static final Option NAME = new Option("--name", null, null, "the new key's name, e.g. ci-runner");
    private static final List<Option> DATABASE_OPTIONS = List.of(Settings.DATABASE, Settings.DATABASE_USER,
            Settings.DATABASE_PASSWORD);

    private final PrintStream out;
    private final PrintStream err;

    public KeysCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The usage text. */
    public static String usage() {
        return "usage: scatter keys create --name NAME | list | revoke NAME-OR-ID  [--database JDBC_URL] "
                + "[--database-user USER] [--database-password PASSWORD]\n"
                + "  create prints the new key alone on stdout (it is stored only as a SHA-256 hash: keep it); "
                + "list never prints keys;\n  revoke refuses the key within scatter.auth.cache-ttl (30 s). "
                + "The database is SCATTER_DATABASE_URL's, as for 'scatter api'.\n";
    }

    /** Runs the command given by {@code args} (after {@code keys}) and returns its exit code. */
    public int run(String[] args, Map<String, String> environment) {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            err.print(usage());
            return args.length == 0 ? USAGE : OK;
        }
        String action = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (action) {
                case "create" -> create(Settings.parse(rest, environment, withDatabase(NAME)));
                case "list" -> list(Settings.parse(rest, environment, DATABASE_OPTIONS));
                case "revoke" -> revoke(rest, environment);
                default -> throw new UsageException("unknown keys command '" + action
                        + "'; one of create, list, revoke");
            };
        } catch (UsageException | IllegalArgumentException e) {
            err.println("scatter keys: " + e.getMessage());
            return USAGE;
        } catch (SQLException | RuntimeException e) {
            err.println("scatter keys: the database cannot be used: " + oneLine(e));
            return FAILED;
        }
    }

    private int create(Settings settings) throws UsageException, SQLException {
        if (!settings.isGiven(NAME)) {
            throw new UsageException("create needs --name NAME");
        }
        String name = settings.get(NAME);
        ApiKeyStore.CreatedKey created = store(settings).create(name);
        out.println(created.token());
        out.flush();
        err.println("Created API key '" + name + "' (id " + created.key().id() + "); send it as "
                + "Authorization: Bearer <key>, or set SCATTER_API_KEY for the CLI. It is not shown again.");
        return OK;
    }

    private int list(Settings settings) throws UsageException, SQLException {
        List<ApiKeyStore.ApiKey> keys = store(settings).list();
        out.printf("%-36s  %-24s  %-20s  %s%n", "ID", "NAME", "CREATED", "REVOKED");
        for (ApiKeyStore.ApiKey key : keys) {
            out.printf("%-36s  %-24s  %-20s  %s%n", key.id(), key.name(),
                    key.createdAt().truncatedTo(ChronoUnit.SECONDS),
                    key.revoked() ? key.revokedAt().truncatedTo(ChronoUnit.SECONDS) : "-");
        }
        return OK;
    }

    private int revoke(String[] rest, Map<String, String> environment) throws UsageException, SQLException {
        if (rest.length == 0 || rest[0].startsWith("--")) {
            throw new UsageException("revoke needs the name or id of a key");
        }
        Settings settings = Settings.parse(Arrays.copyOfRange(rest, 1, rest.length), environment, DATABASE_OPTIONS);
        Optional<ApiKeyStore.ApiKey> revoked = store(settings).revoke(rest[0]);
        if (revoked.isEmpty()) {
            err.println("scatter keys: no key is named or has the id '" + rest[0] + "'; 'scatter keys list' shows "
                    + "them");
            return FAILED;
        }
        err.println("Revoked API key '" + revoked.get().name() + "' (id " + revoked.get().id() + ")");
        return OK;
    }

    /** The key store on the configured database, migrated first. */
    private static ApiKeyStore store(Settings settings) throws UsageException {
        String url = settings.get(Settings.DATABASE);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UsageException(Settings.DATABASE.flag() + " must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:port/database), got '" + url + "'");
        }
        quietLogs();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, settings.get(Settings.DATABASE_USER),
                settings.get(Settings.DATABASE_PASSWORD));
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new ApiKeyStore(dataSource);
    }

    private static List<Option> withDatabase(Option option) {
        return List.of(option, Settings.DATABASE, Settings.DATABASE_USER, Settings.DATABASE_PASSWORD);
    }

    /** Flyway and the driver log only problems, so that stderr holds the command's own lines. */
    private static void quietLogs() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    private static String oneLine(Exception e) {
        Throwable deepest = e;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return String.valueOf(deepest.getMessage()).replaceAll("\\s+", " ").trim();
    }
}
