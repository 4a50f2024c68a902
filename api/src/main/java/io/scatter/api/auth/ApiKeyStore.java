package io.scatter.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code api_keys} table, in plain JDBC so that the {@code keys} command uses it without Spring. */
final class ApiKeyStore {

    /** Names are short and printable, so that {@code keys list} stays one line a key. */
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";

    private final DataSource dataSource;

    ApiKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A key as listed: never its secret. */
    record ApiKey(UUID id, String name, Instant createdAt, Instant revokedAt) {

        boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A key as checked: its hash and whether it was revoked. */
    record StoredKey(UUID id, String name, byte[] hash, boolean revoked) {
    }

    /** A key just created: the only time its text exists. */
    record CreatedKey(ApiKey key, String token) {
    }

    /**
     * Creates a key named {@code name}.
     *
     * @throws IllegalArgumentException if the name is not valid or already taken
     */
    CreatedKey create(String name) throws SQLException {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("a key name is 1 to 64 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit; got '" + name + "'");
        }
        UUID id = UUID.randomUUID();
        String token = ApiKeyTokens.generate(id);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO api_keys (id, name, secret_sha256) VALUES (?, ?, ?)
                     ON CONFLICT (name) DO NOTHING RETURNING created_at""")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.setBytes(3, ApiKeyTokens.hash(token));
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("a key named '" + name + "' already exists");
                }
                return new CreatedKey(new ApiKey(id, name, instant(rs, "created_at"), null), token);
            }
        }
    }

    /** Every key, oldest first. */
    List<ApiKey> list() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, name");
             ResultSet rs = select.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), instant(rs, "created_at"),
                        instant(rs, "revoked_at")));
            }
            return keys;
        }
    }

    /** Revokes the key named or with the id {@code nameOrId} (again, if it was); empty if there is none. */
    Optional<ApiKey> revoke(String nameOrId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
                     WHERE name = ? OR id::text = ? RETURNING id, name, created_at, revoked_at""")) {
            update.setString(1, nameOrId);
            update.setString(2, nameOrId);
            try (ResultSet rs = update.executeQuery()) {
                return rs.next() ? Optional.of(new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"),
                        instant(rs, "created_at"), instant(rs, "revoked_at"))) : Optional.empty();
            }
        }
    }

    /** Key {@code id} with its hash, if it exists. */
    Optional<StoredKey> find(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT name, secret_sha256, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new StoredKey(id, rs.getString("name"), rs.getBytes("secret_sha256"),
                        rs.getBoolean("revoked"))) : Optional.empty();
            }
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
