package io.scatter.api;

import io.scatter.messaging.Settings.UsageException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchArgumentsTest {

    @Test
    void withoutArgumentsTheDefaultsBecomeSpringProperties() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of())).containsExactly(
                "--scatter.rabbitmq.uri=amqp://guest:guest@127.0.0.1:5672",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=8080",
                "--scatter.auth.mode=api-key");
    }

    @Test
    void authNoneInTheEnvironmentOrAsAFlagTurnsAuthenticationOff() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of("SCATTER_AUTH", "none")))
                .contains("--scatter.auth.mode=none");
        assertThat(LaunchArguments.toSpringArguments(new String[]{"--auth", "none"}, Map.of()))
                .contains("--scatter.auth.mode=none");
    }

    @Test
    void anUnknownAuthModeIsAUsageErrorNamingTheChoices() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[]{"--auth=basic"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--auth must be one of api-key, none, got 'basic'");
    }

    @Test
    void anOidcIssuerAndAudienceFromFlagsOrTheEnvironmentBecomeAuthProperties() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[]{"--oidc-issuer",
                "https://login.example.com/realms/scatter", "--oidc-audience=scatter-api"}, Map.of()))
                .contains("--scatter.auth.oidc-issuer=https://login.example.com/realms/scatter",
                        "--scatter.auth.oidc-audience=scatter-api");
        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of("SCATTER_OIDC_ISSUER",
                "http://127.0.0.1:5556/dex", "SCATTER_OIDC_AUDIENCE", "scatter")))
                .contains("--scatter.auth.oidc-issuer=http://127.0.0.1:5556/dex",
                        "--scatter.auth.oidc-audience=scatter");
    }

    @Test
    void withoutAnOidcIssuerNoOidcPropertyIsSet() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of()))
                .noneMatch(argument -> argument.startsWith("--scatter.auth.oidc"));
    }

    @Test
    void anOidcIssuerThatIsNotAnHttpUrlIsAUsageErrorNamingTheFlag() {
        for (String issuer : new String[]{"login.example.com", "ftp://login.example.com", "https://x.example/?a=b"}) {
            assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[]{"--oidc-issuer", issuer},
                    Map.of())).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--oidc-issuer must be an http(s) URL").hasMessageContaining(issuer);
        }
    }

    @Test
    void jsonLogsInTheEnvironmentTurnOnSpringBootsLogstashConsoleFormat() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of("SCATTER_LOG_FORMAT", "json")))
                .contains("--logging.structured.format.console=logstash");
    }

    @Test
    void theLogFormatFlagWinsOverTheEnvironment() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[]{"--log-format", "text"},
                Map.of("SCATTER_LOG_FORMAT", "JSON")))
                .noneMatch(argument -> argument.startsWith("--logging.structured"));
    }

    @Test
    void anUnknownLogFormatIsAUsageErrorNamingTheChoices() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[0], Map.of("SCATTER_LOG_FORMAT", "xml")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--log-format (or SCATTER_LOG_FORMAT) must be 'text' or 'json', got 'xml'");
    }

    @Test
    void aPlugInPathBecomesASpringPropertyOnceItIsKnownToLoad() throws UsageException {
        String classes = System.getProperty("java.io.tmpdir");

        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of("SCATTER_PLUGINS", classes)))
                .contains("--scatter.plugins=" + classes);
    }

    @Test
    void aPlugInPathThatDoesNotExistIsAUsageErrorNamingTheFlag() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[]{"--plugins", "/no/such/plugin.jar"},
                Map.of())).isInstanceOf(UsageException.class)
                .hasMessageContaining("--plugins").hasMessageContaining("/no/such/plugin.jar");
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverDefaults() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[]{"--port", "8081", "--database-user=scatter"},
                Map.of("SCATTER_PORT", "9000", "SCATTER_DATABASE_PASSWORD", "secret")))
                .contains("--server.port=8081", "--spring.datasource.username=scatter",
                        "--spring.datasource.password=secret");
    }

    @Test
    void springStyleArgumentsPassThroughAndOverrideTheTranslatedOnes() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[]{"--server.port=0", "--logging.level.root=WARN",
                "--rabbitmq", "amqp://u:p@host:5673/vh"}, Map.of()))
                .contains("--server.port=0", "--logging.level.root=WARN",
                        "--scatter.rabbitmq.uri=amqp://u:p@host:5673/vh")
                .doesNotContain("--server.port=8080");
    }

    @Test
    void aClusterOfSeveralAddressesBecomesTheBrokerUriUnchanged() throws UsageException {
        String cluster = "amqp://guest:guest@127.0.0.1:5672,127.0.0.1:5673,127.0.0.1:5674/drill";

        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of("SCATTER_RABBITMQ_URI", cluster)))
                .contains("--scatter.rabbitmq.uri=" + cluster);
    }

    @Test
    void aClusterListWithAnEmptyAddressIsAUsageErrorNamingTheFlag() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(
                new String[]{"--rabbitmq", "amqp://u:p@a:5672,,c:5674/v"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--rabbitmq: invalid RabbitMQ URI 'amqp://u:***@a:5672,,c:5674/v'")
                .hasMessageContaining("an empty address");
    }

    @Test
    void aSigningKeyFileFromTheFlagOrTheEnvironmentBecomesASpringProperty() throws UsageException {
        assertThat(LaunchArguments.toSpringArguments(new String[]{"--signing-key-file", "/run/secrets/scatter"},
                Map.of())).contains("--scatter.signing.key-file=/run/secrets/scatter");
        assertThat(LaunchArguments.toSpringArguments(new String[0],
                Map.of("SCATTER_SIGNING_KEY_FILE", "/etc/scatter/key")))
                .contains("--scatter.signing.key-file=/etc/scatter/key");
        assertThat(LaunchArguments.toSpringArguments(new String[0], Map.of()))
                .noneMatch(argument -> argument.contains("signing"));
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[]{"--colour", "blue"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--colour");
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[]{"--port=eighty"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--port");
    }

    @Test
    void aDatabaseThatIsNotAPostgresJdbcUrlIsAUsageError() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[]{"--database", "postgres://x"},
                Map.of())).isInstanceOf(UsageException.class).hasMessageContaining("--database");
    }

    @Test
    void aFlagWithoutItsValueIsAUsageError() {
        assertThatThrownBy(() -> LaunchArguments.toSpringArguments(new String[]{"--port"}, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a value");
    }
}
