package io.scatter.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;

/** A head node's first API key, created once and written to a file only its user can read. */
public final class ApiKeyFile {

    /** The name of the key a head node creates. */
    static final String NAME = "serve";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ApiKeyFile() {
    }

    /**
     * Creates a key named {@code serve} (or {@code serve-SECONDS} when that name is taken) and writes it to
     * {@code file} with mode 600, unless {@code file} exists.
     *
     * @return whether a key was created
     */
    public static boolean createIfAbsent(DataSource dataSource, Path file) throws IOException, SQLException {
        if (Files.exists(file)) {
            return false;
        }
        ApiKeyStore store = new ApiKeyStore(dataSource);
        String name = store.list().stream().anyMatch(key -> key.name().equals(NAME))
                ? NAME + "-" + Instant.now().getEpochSecond() : NAME;
        String token = store.create(name).token();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        Files.writeString(partial, token + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, file);
        return true;
    }
}
