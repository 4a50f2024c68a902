package io.scatter.e2e;

import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main command, {@code ./scatter run prime-count --from 0 --to 1000000}, run as a user would. */
class LauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("scatter.root", "..")).toAbsolutePath().normalize();
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void theReadmeCommandPrintsTheNumberOfPrimesUpToAMillion() throws Exception {
        String schema = "e2e_launcher_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        try (TestVhost vhost = TestVhost.create("launcher")) {
            ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("scatter").toString(),
                    "run", "prime-count", "--from", "0", "--to", "1000000", "--workers", "2")
                    .directory(ROOT.toFile())
                    .redirectError(ROOT.resolve("e2e/target/launcher-stderr.log").toFile());
            builder.environment().put("SCATTER_RABBITMQ_URI", vhost.uri());
            builder.environment().put("SCATTER_DATABASE_URL", DATABASE + "?currentSchema=" + schema);
            Process process = builder.start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean exited = process.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }

            assertThat(exited).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(stdout.trim()).isEqualTo("78498");
        } finally {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void badInputToTheLauncherIsOneLineAndExitCodeTwo() throws Exception {
        Process process = new ProcessBuilder(ROOT.resolve("scatter").toString(), "run", "prime-count",
                "--from", "0", "--to", "10", "--workers", "none")
                .directory(ROOT.toFile())
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.strip()).isEqualTo("scatter: --workers must be an integer between 1 and 99, got 'none'");
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
