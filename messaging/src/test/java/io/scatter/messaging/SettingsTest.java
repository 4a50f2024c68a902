package io.scatter.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static final List<Settings.Option> OPTIONS = List.of(Settings.DATABASE_PASSWORD, Settings.RABBITMQ);

    @TempDir
    Path directory;

    @Test
    void aSecretIsReadFromTheFileItsFileVariableNamesWithoutTheTrailingLineBreak() throws Exception {
        Path secret = write("database-password", "s3cret word\n");

        Settings settings = Settings.parse(new String[0], Map.of("SCATTER_DATABASE_PASSWORD_FILE", secret.toString()),
                OPTIONS);

        assertThat(settings.get(Settings.DATABASE_PASSWORD)).isEqualTo("s3cret word");
        assertThat(settings.isGiven(Settings.DATABASE_PASSWORD)).isTrue();
    }

    @Test
    void aFlagWinsOverTheFile() throws Exception {
        Path uri = write("rabbitmq-uri", "amqp://u:from-file@broker:5672/scatter");

        Settings settings = Settings.parse(new String[]{"--rabbitmq", "amqp://u:flag@broker:5672/scatter"},
                Map.of("SCATTER_RABBITMQ_URI_FILE", uri.toString()), OPTIONS);

        assertThat(settings.get(Settings.RABBITMQ)).isEqualTo("amqp://u:flag@broker:5672/scatter");
    }

    @Test
    void theVariableAndItsFileVariantTogetherAreAUsageError() throws Exception {
        Path secret = write("database-password", "from-file");

        assertThatThrownBy(() -> Settings.parse(new String[0], Map.of("SCATTER_DATABASE_PASSWORD", "from-env",
                "SCATTER_DATABASE_PASSWORD_FILE", secret.toString()), OPTIONS))
                .isInstanceOf(Settings.UsageException.class)
                .hasMessage("set SCATTER_DATABASE_PASSWORD or SCATTER_DATABASE_PASSWORD_FILE, not both");
    }

    @Test
    void aFileThatCannotBeReadIsAUsageErrorNamingItButNoContent() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> Settings.parse(new String[0], Map.of("SCATTER_DATABASE_PASSWORD_FILE",
                missing.toString()), OPTIONS))
                .isInstanceOf(Settings.UsageException.class)
                .hasMessage("SCATTER_DATABASE_PASSWORD_FILE names '" + missing + "', which cannot be read: "
                        + "NoSuchFileException");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
