package io.scatter.api.auth;

import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scatter keys create | list | revoke} against a database of its own. */
@DatabaseTest
class KeysCommandTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @Test
    void createPrintsTheNewKeyAloneOnStdout() {
        Run run = keys("create", "--name", unique("ci"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("sk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\n");
        assertThat(run.err()).contains("Created API key");
    }

    @Test
    void theTableHoldsOnlyAHashOfTheKey() throws SQLException {
        String key = keys("create", "--name", unique("hashed")).out().trim();

        try (Connection connection = environment.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM api_keys")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    assertThat(String.valueOf(rs.getObject(column))).doesNotContain(key.substring(36));
                }
            }
        }
        assertThat(ApiKeyTokens.matches(key, new ApiKeyStore(environment.dataSource())
                .find(ApiKeyTokens.id(key).orElseThrow()).orElseThrow().hash())).isTrue();
    }

    @Test
    void listShowsNamesButNeverKeys() {
        String name = unique("listed");
        String key = keys("create", "--name", name).out().trim();

        Run run = keys("list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(name).doesNotContain(key.substring(36));
    }

    @Test
    void revokeByNameMarksTheKeyRevoked() {
        String name = unique("gone");
        keys("create", "--name", name);

        Run run = keys("revoke", name);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("Revoked API key '" + name + "'");
        assertThat(keys("list").out().lines().filter(line -> line.contains(name)).findFirst().orElseThrow())
                .doesNotEndWith("-");
    }

    @Test
    void revokingAKeyThatDoesNotExistFailsWithExitCodeOne() {
        Run run = keys("revoke", "no-such-key");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("scatter keys: no key is named or has the id 'no-such-key'; "
                + "'scatter keys list' shows them\n");
    }

    @Test
    void createWithoutANameIsAUsageErrorOfOneLine() {
        Run run = keys("create");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("scatter keys: create needs --name NAME\n");
    }

    @Test
    void aNameTakenOrNotValidIsAUsageError() {
        String name = unique("twice");
        keys("create", "--name", name);

        assertThat(keys("create", "--name", name).exitCode()).isEqualTo(2);
        Run invalid = keys("create", "--name", "has space");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).startsWith("scatter keys: a key name is 1 to 64 letters");
    }

    @Test
    void anUnknownActionIsAUsageError() {
        Run run = keys("rotate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter keys: unknown keys command 'rotate'; one of create, list, revoke\n");
    }

    @Test
    void anUnreachableDatabaseFailsWithExitCodeOne() {
        Run run = keys("list", "--database", "jdbc:postgresql://127.0.0.1:1/test");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("scatter keys: the database cannot be used: ");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run keys(String... args) {
        environment.dataSource();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new KeysCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args, Map.of("SCATTER_DATABASE_URL", environment.jdbcUrl()));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
