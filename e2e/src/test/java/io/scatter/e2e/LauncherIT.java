package io.scatter.e2e;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main command, {@code ./scatter run prime-count --from 0 --to 1000000}, run as a user would. */
class LauncherIT {

    @Test
    void theReadmeCommandPrintsTheNumberOfPrimesUpToAMillionWithoutBrokerOrDatabase() throws Exception {
        Result result = scatter("run", "prime-count", "--from", "0", "--to", "1000000", "--workers", "2");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("78498\n");
        assertThat(result.stderr()).contains("SUCCEEDED");
    }

    @Test
    void aReversedRangeIsOneLineNamingTheFlagAndExitCodeTwo() throws Exception {
        Result result = scatter("run", "prime-count", "--from", "5", "--to", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip())
                .isEqualTo("scatter: --from: input.from (5) must not be greater than input.to (1)");
    }

    @Test
    void aBadWorkerCountIsOneLineAndExitCodeTwo() throws Exception {
        Result result = scatter("run", "prime-count", "--from", "0", "--to", "10", "--workers", "none");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip())
                .isEqualTo("scatter: --workers must be an integer between 1 and 1000, got 'none'");
    }

    /** Runs the launcher with a broker and database address nothing listens on, so local mode cannot lean on them. */
    private static Result scatter(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = ScatterProcess.ROOT.resolve("scatter").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ScatterProcess.ROOT.toFile());
        builder.environment().put("SCATTER_RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:1");
        builder.environment().put("SCATTER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none");
        builder.environment().remove("SCATTER_SERVER");
        Path stderr = Files.createTempFile("scatter-launcher", ".err");
        try {
            builder.redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process process = builder.start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./scatter " + String.join(" ", args) + " did not exit within 5 minutes");
            }
            return new Result(process.exitValue(), stdout, Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
