package io.scatter.api.auth;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Creates API keys in a test's database, for tests outside this package that call the API with authentication on. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A new key named {@code name} plus a unique suffix; returns the key to send as a bearer token. */
    public static String create(DataSource dataSource, String name) throws SQLException {
        return new ApiKeyStore(dataSource).create(name + "-" + UUID.randomUUID()).token();
    }
}
