package io.scatter.api.outbox;

import io.scatter.messaging.MessageSigning;
import io.scatter.messaging.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The keys the relay signs task messages with: the file {@code scatter.signing.key-file} (set by
 * {@code --signing-key-file} / {@code SCATTER_SIGNING_KEY_FILE}), else the variable {@code SCATTER_SIGNING_KEY}.
 */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    static final String KEY_FILE_PROPERTY = "scatter.signing.key-file";

    @Bean
    MessageSigning taskSigning(Environment environment) {
        String keyFile = environment.getProperty(KEY_FILE_PROPERTY,
                environment.getProperty(Settings.SIGNING_KEY_FILE.environment(), ""));
        try {
            return MessageSigning.configured(environment.getProperty(Settings.SIGNING_KEY_VARIABLE, ""), keyFile);
        } catch (MessageSigning.KeyException e) {
            throw new IllegalStateException("cannot sign task messages: " + e.getMessage(), e);
        }
    }
}
