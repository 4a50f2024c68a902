package io.scatter.api.quota;

import io.scatter.api.auth.Caller;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuotasTest {

    @Test
    void aLimitedCallerIsNamedAsAnApiKeyOrAnOidcSubject() {
        assertThat(Quotas.describe(new Caller(UUID.randomUUID(), "ci-runner"))).isEqualTo("API key 'ci-runner'");
        assertThat(Quotas.describe(new Caller(UUID.randomUUID(), "alice", true))).isEqualTo("OIDC subject 'alice'");
    }
}
