package io.scatter.head;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServeMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServeMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryFlagWithItsEnvironmentVariableAndAnExample() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "SCATTER_PORT", "--amqp-port",
                "SCATTER_AMQP_PORT", "--data", "SCATTER_DATA", "--workers", "SCATTER_WORKERS", "--bind",
                "--broker-password", "example: scatter serve", "scatter worker --connect");
    }

    @Test
    void anUnknownFlagIsOneLineOnStderrAndExitCode2() {
        int code = run("--prot", "8080");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("scatter serve: unknown option '--prot'")
                .endsWith("(see --help)\n")
                .hasLineCount(1);
    }
}
