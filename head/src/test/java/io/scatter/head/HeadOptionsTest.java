package io.scatter.head;

import io.scatter.api.auth.AuthMode;
import io.scatter.messaging.LogFormat;
import io.scatter.messaging.Settings.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadOptionsTest {

    @Test
    void defaultsAreHttp8080Amqp5672EveryInterfaceADataDirectoryHereAndOneWorkerThreadPerProcessor()
            throws UsageException {
        HeadConfig config = HeadOptions.parse(new String[0], Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.amqpPort()).isEqualTo(5672);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.dataDirectory()).isEqualTo(Path.of(".scatter-data").toAbsolutePath().normalize());
        assertThat(config.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.brokerUser()).isEqualTo("guest");
        assertThat(config.loopbackOnly()).isFalse();
    }

    @Test
    void flagsWinOverEnvironmentVariables() throws UsageException {
        Map<String, String> environment = Map.of("SCATTER_PORT", "9000", "SCATTER_AMQP_PORT", "5700",
                "SCATTER_DATA", "/srv/scatter", "SCATTER_WORKERS", "3", "SCATTER_BROKER_PASSWORD", "s3cret");

        HeadConfig config = HeadOptions.parse(new String[]{"--port", "9100", "--workers=0", "--bind", "127.0.0.1"},
                environment);

        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.amqpPort()).isEqualTo(5700);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/srv/scatter"));
        assertThat(config.workers()).isZero();
        assertThat(config.brokerPassword()).isEqualTo("s3cret");
        assertThat(config.loopbackOnly()).isTrue();
    }

    @Test
    void logLinesAreTextUnlessJsonIsAskedForByFlagOrEnvironment() throws UsageException {
        assertThat(HeadOptions.parse(new String[0], Map.of()).logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(HeadOptions.parse(new String[]{"--log-format", "json"}, Map.of()).logFormat())
                .isEqualTo(LogFormat.JSON);
        assertThat(HeadOptions.parse(new String[0], Map.of("SCATTER_LOG_FORMAT", "JSON")).logFormat())
                .isEqualTo(LogFormat.JSON);
    }

    @Test
    void anUnknownLogFormatIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> HeadOptions.parse(new String[]{"--log-format", "xml"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--log-format")
                .hasMessageContaining("json");
    }

    @Test
    void apiKeysAreOnUnlessAuthNoneIsAskedForByFlagOrEnvironment() throws UsageException {
        assertThat(HeadOptions.parse(new String[0], Map.of()).auth()).isEqualTo(AuthMode.API_KEY);
        assertThat(HeadOptions.parse(new String[]{"--auth", "none"}, Map.of()).auth()).isEqualTo(AuthMode.NONE);
        assertThat(HeadOptions.parse(new String[0], Map.of("SCATTER_AUTH", "none")).auth()).isEqualTo(AuthMode.NONE);
        assertThatThrownBy(() -> HeadOptions.parse(new String[]{"--auth", "open"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--auth must be one of api-key, none, got 'open'");
    }

    @Test
    void anOidcIssuerAndAudienceBecomeTheApisOidcProperties() throws UsageException {
        assertThat(HeadOptions.parse(new String[0], Map.of()).oidc()).isEmpty();

        HeadConfig config = HeadOptions.parse(new String[]{"--oidc-issuer", "https://login.example.com/realms/pi"},
                Map.of("SCATTER_OIDC_AUDIENCE", "scatter"));

        assertThat(config.oidc()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "scatter.auth.oidc-issuer", "https://login.example.com/realms/pi",
                "scatter.auth.oidc-audience", "scatter"));
    }

    @Test
    void anOidcIssuerThatIsNotAnHttpUrlIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> HeadOptions.parse(new String[]{"--oidc-issuer", "login.example.com"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--oidc-issuer must be an http(s) URL");
    }

    @Test
    void thePasswordIsNotInTheConfigurationsText() throws UsageException {
        HeadConfig config = HeadOptions.parse(new String[]{"--broker-password", "s3cret"}, Map.of());

        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void oneTcpPortForBothProtocolsIsRefused() {
        assertThatThrownBy(() -> HeadOptions.parse(new String[]{"--port", "5000", "--amqp-port", "5000"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port and --amqp-port must differ, both are 5000");
    }

    @Test
    void aWorkerCountOutOfRangeIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> HeadOptions.parse(new String[]{"--workers", "-1"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--workers must be between 0 and 1024, got -1");
    }

    @Test
    void anAddressThatDoesNotResolveIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> HeadOptions.parse(new String[]{"--bind", "no such host.invalid"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--bind must be an address of this machine");
    }

    @Test
    void anEmptyBrokerUserIsRefused() {
        assertThatThrownBy(() -> HeadOptions.parse(new String[]{"--broker-user", ""}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--broker-user must not be empty");
    }
}
