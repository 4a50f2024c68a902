package io.scatter.worker;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUnknownFlagExitsWith2AndOneLineOnStderr() {
        int code = run(Map.of(), "--bogus", "1");

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("unknown option '--bogus'");
        assertThat(out()).isEmpty();
    }

    @Test
    void aConcurrencyOutOfRangeExitsWith2AndOneLineOnStderr() {
        int code = run(Map.of(), "--concurrency", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("--concurrency must be between 1 and 1024, got 0");
    }

    @Test
    void aBadIntegerInTheEnvironmentExitsWith2AndOneLineOnStderr() {
        int code = run(Map.of("SCATTER_SHUTDOWN_GRACE", "soon"));

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("--grace must be an integer, got 'soon'");
    }

    @Test
    void aFlagWithoutItsValueExitsWith2AndOneLineOnStderr() {
        int code = run(Map.of(), "--name");

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("option --name needs a value");
    }

    @Test
    void aClusterListWithAnEmptyAddressExitsWith2AndOneLineOnStderrWithoutThePassword() {
        int code = run(Map.of("SCATTER_RABBITMQ_URI", "amqp://u:secret@127.0.0.1:5672,,127.0.0.1:5674/v"));

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("invalid RabbitMQ URI", "an empty address")
                .doesNotContain("secret");
    }

    @Test
    void aMalformedRabbitmqUriExitsWith2AndOneLineOnStderr() {
        int code = run(Map.of(), "--rabbitmq", "http://[broken");

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("invalid RabbitMQ URI");
    }

    @Test
    void aPlugInPathThatDoesNotExistExitsWith2AndOneLineNamingIt() {
        int code = run(Map.of("SCATTER_PLUGINS", "/no/such/plugins.jar"));

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("scatter-worker: --plugins: ").contains("/no/such/plugins.jar").hasLineCount(1);
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsWith0() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(out()).contains("--rabbitmq", "SCATTER_RABBITMQ_URI", "--concurrency", "SCATTER_CONCURRENCY",
                "--name", "SCATTER_WORKER_NAME", "--grace", "SCATTER_SHUTDOWN_GRACE", "--prefetch", "SCATTER_PREFETCH",
                "--help");
        assertThat(err()).isEmpty();
    }

    @Test
    void theClassDataSharingTrainingComputesATaskOfEachBuiltInTypeWithoutABrokerAndExitsWith0() {
        int code = run(Map.of(), CdsTraining.FLAG, "--concurrency", "2");

        assertThat(code).isZero();
        assertThat(out()).isEmpty();
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnknownLogFormatInTheEnvironmentExitsWith2AndOneLineNamingTheChoices() {
        int code = run(Map.of("SCATTER_LOG_FORMAT", "xml"));

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1)
                .contains("--log-format (or SCATTER_LOG_FORMAT) must be 'text' or 'json', got 'xml'");
    }

    @Test
    void theClassDataSharingTrainingChecksTheOtherFlagsLikeARun() {
        int code = run(Map.of(), CdsTraining.FLAG, "--concurrency", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("--concurrency must be between 1 and 1024, got 0");
    }

    private int run(Map<String, String> environment, String... args) {
        return WorkerMain.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
