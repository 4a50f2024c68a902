package io.scatter.worker;

import io.scatter.messaging.Settings.UsageException;
import io.scatter.messaging.transport.TaskAdmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerOptionsTest {

    private final WorkerOptions options = new WorkerOptions();

    @Test
    void defaultsAreTheLocalBrokerOneThreadPerProcessorAHostAndPidNameAnd30SecondsGrace()
            throws UsageException {
        WorkerConfig config = options.parse(new String[0], Map.of());

        assertThat(config.rabbitmqUri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
        assertThat(config.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.name()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(config.grace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environmentVariablesAreReadAndFlagsWinOverThem() throws UsageException {
        Map<String, String> environment = Map.of("SCATTER_RABBITMQ_URI", "amqp://a:b@broker:5672/x",
                "SCATTER_CONCURRENCY", "3", "SCATTER_WORKER_NAME", "pi-1", "SCATTER_SHUTDOWN_GRACE", "5");

        WorkerConfig config = options.parse(new String[]{"--concurrency=8", "--name", "pi-2"}, environment);

        assertThat(config).isEqualTo(new WorkerConfig("amqp://a:b@broker:5672/x", 8, "pi-2", Duration.ofSeconds(5)));
    }

    @Test
    void aWorkerHoldsAsManyTasksAsItsConcurrencyUnlessThePrefetchFlagOrTheEnvironmentSaysOtherwise() throws UsageException {
        assertThat(options.parse(new String[]{"--concurrency", "3"}, Map.of()).prefetch()).isEqualTo(3);
        assertThat(options.parse(new String[]{"--concurrency", "3"}, Map.of("SCATTER_PREFETCH", "40")).prefetch())
                .isEqualTo(40);
        assertThat(options.parse(new String[]{"--concurrency", "3", "--prefetch", "3"},
                Map.of("SCATTER_PREFETCH", "40")).prefetch()).isEqualTo(3);
    }

    @Test
    void withoutAnHttpPortTheWorkerServesNoHttp() throws UsageException {
        assertThat(options.parse(new String[0], Map.of()).http()).isEqualTo(HttpEndpoint.NONE);
        assertThat(HttpEndpoint.NONE.enabled()).isFalse();
    }

    @Test
    void anHttpPortListensOnEveryInterfaceUnlessABindAddressIsGiven() throws UsageException {
        assertThat(options.parse(new String[]{"--http-port", "9100"}, Map.of()).http())
                .isEqualTo(new HttpEndpoint("0.0.0.0", 9100));
        assertThat(options.parse(new String[]{"--http-bind", "127.0.0.1"}, Map.of("SCATTER_WORKER_HTTP_PORT", "0"))
                .http()).isEqualTo(new HttpEndpoint("127.0.0.1", 0));
    }

    @Test
    void aBadHttpPortOrABindAddressWithoutAPortIsRefused() {
        assertThatThrownBy(() -> options.parse(new String[]{"--http-port", "65536"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--http-port must be between 0 and 65535, got 65536");
        assertThatThrownBy(() -> options.parse(new String[]{"--http-bind", "127.0.0.1"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--http-bind needs --http-port");
        assertThatThrownBy(() -> options.parse(new String[]{"--http-port", "9100", "--http-bind", "no such host."},
                Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--http-bind must be an address of this machine such as 0.0.0.0 or 127.0.0.1, got "
                        + "'no such host.'");
    }

    @Test
    void aPrefetchBelowTheConcurrencyIsRefused() {
        assertThatThrownBy(() -> options.parse(new String[]{"--concurrency", "4", "--prefetch", "2"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--prefetch must be between 4 and " + WorkerOptions.MAX_PREFETCH + ", got 2");
    }

    @Test
    void aClusterOfSeveralAddressesIsTakenAsOneUri() throws UsageException {
        String cluster = "amqp://guest:guest@127.0.0.1:5672,127.0.0.1:5673,127.0.0.1:5674/drill";

        assertThat(options.parse(new String[]{"--rabbitmq", cluster}, Map.of()).rabbitmqUri()).isEqualTo(cluster);
        assertThat(options.parse(new String[0], Map.of("SCATTER_RABBITMQ_URI", cluster)).rabbitmqUri())
                .isEqualTo(cluster);
    }

    @Test
    void aClusterAddressWithAPortThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> options.parse(new String[]{"--rabbitmq", "amqp://a:5672,b:http/v"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("invalid RabbitMQ URI 'amqp://a:5672,b:http/v'");
    }

    @Test
    void theHeartbeatIntervalIsFiveSecondsUnlessTheFlagOrTheEnvironmentSaysOtherwise() throws UsageException {
        assertThat(options.parse(new String[0], Map.of()).heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.parse(new String[0], Map.of("SCATTER_HEARTBEAT_INTERVAL", "10")).heartbeat())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(options.parse(new String[]{"--heartbeat", "2"}, Map.of("SCATTER_HEARTBEAT_INTERVAL", "10"))
                .heartbeat()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aHeartbeatIntervalThatIsNoWholeNumberOfSecondsFrom1To3600IsRefused() {
        for (String interval : new String[]{"0", "3601", "-1", "1.5", "often"}) {
            assertThatThrownBy(() -> options.parse(new String[]{"--heartbeat", interval}, Map.of()))
                    .as(interval)
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--heartbeat must be");
        }
    }

    @Test
    void aNameThatCannotBePartOfAnEventSourceIsRefused() {
        assertThatThrownBy(() -> options.parse(new String[]{"--name", "my worker"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--name must be");
    }

    @Test
    void connectJoinsAHeadNodesVirtualHostOnTheAmqpPortByDefault() throws UsageException {
        WorkerConfig config = options.parse(new String[]{"--connect", "head.local"}, Map.of());

        assertThat(config.rabbitmqUri()).isEqualTo("amqp://guest:guest@head.local:5672/scatter");
    }

    @Test
    void connectTakesAPortAndTheBrokerCredentialsFromTheEnvironment() throws UsageException {
        WorkerConfig config = options.parse(new String[]{"--connect=10.0.0.2:5673"},
                Map.of("SCATTER_BROKER_USER", "pi", "SCATTER_BROKER_PASSWORD", "s3cret"));

        assertThat(config.rabbitmqUri()).isEqualTo("amqp://pi:s3cret@10.0.0.2:5673/scatter");
    }

    @Test
    void connectAndRabbitmqTogetherAreRefused() {
        assertThatThrownBy(() -> options.parse(new String[]{"--connect", "head"},
                Map.of("SCATTER_RABBITMQ_URI", "amqp://a:b@broker:5672")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("either --connect")
                .hasMessageContaining("not both");
    }

    @Test
    void aConnectAddressThatIsNotHostAndPortIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> options.parse(new String[]{"--connect", "head:99999"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--connect: ");
    }
    @Test
    void withoutASigningKeyTasksUpTo64KiBAreReadAndTheirSignaturesIgnored() throws UsageException {
        WorkerConfig config = options.parse(new String[0], Map.of());

        assertThat(config.admission()).isEqualTo(TaskAdmission.DEFAULTS);
        assertThat(config.admission().signing().enabled()).isFalse();
    }

    @Test
    void theSigningKeysComeFromTheirVariableOrFromAFileWhichWins(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "a-key-from-the-secret-file\n");

        WorkerConfig fromVariable = options.parse(new String[0],
                Map.of("SCATTER_SIGNING_KEY", "key-one-for-signing,key-two-for-rotation"));
        WorkerConfig fromFile = options.parse(new String[]{"--signing-key-file", file.toString()},
                Map.of("SCATTER_SIGNING_KEY", "key-one-for-signing"));

        assertThat(fromVariable.admission().signing()).hasToString("HMAC-SHA256 signing with 2 key(s)");
        assertThat(fromFile.admission().signing()).hasToString("HMAC-SHA256 signing with 1 key(s)");
    }

    @Test
    void aSigningKeyTooShortOrAFileThatCannotBeReadIsAUsageErrorThatNeverShowsTheKey() {
        assertThatThrownBy(() -> options.parse(new String[0], Map.of("SCATTER_SIGNING_KEY", "tiny-secret")))
                .isInstanceOf(UsageException.class)
                .hasMessage("a signing key needs at least 16 characters; key 1 has 11");
        assertThatThrownBy(() -> options.parse(new String[]{"--signing-key-file", "/no/such/key-file"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("cannot read the signing key file /no/such/key-file: NoSuchFileException");
    }

    @Test
    void theLargestTaskReadIsAFlagWithinItsRange() throws UsageException {
        assertThat(options.parse(new String[]{"--max-task-bytes", "2048"}, Map.of()).admission().maxBodyBytes())
                .isEqualTo(2048);
        assertThatThrownBy(() -> options.parse(new String[]{"--max-task-bytes", "10"}, Map.of()))
                .hasMessage("--max-task-bytes must be between 1024 and 16777216, got 10");
    }
}
