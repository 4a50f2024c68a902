package io.scatter.head;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server run by this process from binaries shipped in the jar, its cluster kept in a directory so
 * that it survives a restart. It listens on loopback only, on a free port, and serves one database,
 * {@value #DATABASE}.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "scatter";
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the cluster in {@code directory}, creating the cluster on first use. A server that a
     * previous head node left running there (that process was killed) is stopped first.
     *
     * @throws IOException when the server does not start
     */
    static EmbeddedDatabase start(Path directory) throws IOException {
        Files.createDirectories(directory);
        stopOrphan(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(directory.resolveSibling("postgres-binaries").toFile())
                // every commit is on disk before it is acknowledged: a crash loses no accepted job or applied result
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        try {
            database.createDatabaseIfMissing();
        } catch (SQLException e) {
            database.close();
            throw new IOException("PostgreSQL started but database '" + DATABASE + "' could not be created: "
                    + e.getMessage(), e);
        }
        log.info("PostgreSQL listening on 127.0.0.1:{} (data in {})", postgres.getPort(), directory);
        return database;
    }

    /**
     * Stops the postmaster named in {@code postmaster.pid} if it is still running: a head node killed with SIGKILL
     * leaves its PostgreSQL server behind, holding the cluster.
     */
    private static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = postmaster(pidFile);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Stopping the PostgreSQL server (pid {}) that a previous head node left running on {}", process.pid(),
                directory);
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (pid {}) did not stop within {} s; killing it", process.pid(),
                    ORPHAN_STOP_WAIT.toSeconds());
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IOException("could not wait for PostgreSQL (pid " + process.pid() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while PostgreSQL (pid " + process.pid() + ") was stopping", e);
        }
    }

    /** The live postgres process {@code pidFile} names, if any (not another program that has reused the pid). */
    static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command()
                        .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                        .orElse(false));
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
            log.info("Created database '{}'", DATABASE);
        }
    }

    /** The JDBC URL of database {@value #DATABASE}, user {@value #USER}, no password (loopback, trust). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** Stops the server (fast shutdown: open sessions are rolled back). Idempotent. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Stopping PostgreSQL failed: {}", e.getMessage());
        }
    }
}
