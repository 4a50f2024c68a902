package io.scatter.messaging;

import com.rabbitmq.client.AMQP;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageSigningTest {

    private static final String KEY = "a-shared-key-of-32-characters-xx";
    private static final String OLD_KEY = "the-key-before-the-rotation";
    /** HMAC-SHA256 of the golden task's canonical form under {@link #KEY}, computed outside Java once. */
    private static final String GOLDEN_SIGNATURE = "be27c48543a8eaa7d308b910dc6180d3b80f64bdd0e95ba82b4f49a6bd9199cb";
    private static final UUID JOB = UUID.fromString("0d9f6c1e-3b2a-4f5e-8a7d-1c2b3a4d5e6f");

    private final AmqpMessage task = CloudEventAmqpCodec.encode(ScatterEvents.event(
            "6f1c2a44-8d0e-4c71-9a55-0b7f3c2d9e10", Channels.API_SOURCE, JOB.toString(),
            Instant.parse("2026-11-25T12:00:00Z"), new TaskMessage(JOB, 3, 10, "prime-count",
                    Map.of("from", 300000, "to", 399999, "algorithm", "sieve"))));

    @Test
    void theGoldenTaskSignedWithAKnownKeyCarriesAKnownSignature() throws Exception {
        AmqpMessage signed = MessageSigning.withKeys(KEY).sign(golden());

        assertThat(signed.properties().getHeaders().get(MessageSigning.HEADER))
                .isEqualTo("hmac-sha256=" + GOLDEN_SIGNATURE);
    }

    @Test
    void aSignedMessageVerifiesUnderTheSameKeyAndUnderAListThatStillHoldsIt() throws Exception {
        AmqpMessage signed = MessageSigning.withKeys(OLD_KEY).sign(task);

        assertThat(MessageSigning.withKeys(OLD_KEY).refusal(signed.properties(), signed.body())).isEmpty();
        assertThat(MessageSigning.withKeys(KEY + "," + OLD_KEY).refusal(signed.properties(), signed.body())).isEmpty();
    }

    @Test
    void anUnsignedMessageIsRefusedWhenThereIsAKeyAndAcceptedWhenThereIsNone() throws Exception {
        assertThat(MessageSigning.withKeys(KEY).refusal(task.properties(), task.body()))
                .hasValue("bad signature: the message is not signed (no x-scatter-signature header)");
        assertThat(MessageSigning.OFF.refusal(task.properties(), task.body())).isEmpty();
        assertThat(MessageSigning.OFF.sign(task)).isSameAs(task);
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRefused() throws Exception {
        AmqpMessage signed = MessageSigning.withKeys(OLD_KEY).sign(task);

        assertThat(MessageSigning.withKeys(KEY).refusal(signed.properties(), signed.body()))
                .hasValue("bad signature: it matches none of this process's signing keys");
    }

    @Test
    void changingTheBodyAnAttributeOrTheContentTypeOfASignedMessageBreaksItsSignature() throws Exception {
        MessageSigning signing = MessageSigning.withKeys(KEY);
        AmqpMessage signed = signing.sign(task);
        byte[] otherBody = new String(signed.body(), StandardCharsets.UTF_8).replace("399999", "999999999")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> otherSubject = new HashMap<>(signed.properties().getHeaders());
        otherSubject.put("cloudEvents:subject", UUID.randomUUID().toString());
        Map<String, Object> addedExtension = new HashMap<>(signed.properties().getHeaders());
        addedExtension.put("cloudEvents:priority", "high");

        assertThat(signing.refusal(signed.properties(), otherBody)).isPresent();
        assertThat(signing.refusal(signed.properties().builder().headers(otherSubject).build(), signed.body()))
                .isPresent();
        assertThat(signing.refusal(signed.properties().builder().headers(addedExtension).build(), signed.body()))
                .isPresent();
        assertThat(signing.refusal(signed.properties().builder().contentType("text/plain").build(), signed.body()))
                .isPresent();
    }

    @Test
    void anAttributeGivenTwiceUnderBothPrefixesIsRefused() throws Exception {
        MessageSigning signing = MessageSigning.withKeys(KEY);
        AmqpMessage signed = signing.sign(task);
        Map<String, Object> twice = new LinkedHashMap<>(signed.properties().getHeaders());
        twice.put("cloudEvents_subject", UUID.randomUUID().toString());

        assertThat(signing.refusal(signed.properties().builder().headers(twice).build(), signed.body()))
                .hasValue("bad signature: the CloudEvent attribute 'subject' is given twice");
    }

    @Test
    void keysAreReadFromAFileOneALineAndTheFileWinsOverTheVariable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signing-key");
        Files.writeString(file, KEY + "\n" + OLD_KEY + "\n");
        AmqpMessage signedWithOld = MessageSigning.withKeys(OLD_KEY).sign(task);

        MessageSigning signing = MessageSigning.configured("ignored-because-of-the-file", file.toString());

        assertThat(signing.sign(task).properties().getHeaders().get(MessageSigning.HEADER))
                .isEqualTo(MessageSigning.withKeys(KEY).sign(task).properties().getHeaders()
                        .get(MessageSigning.HEADER));
        assertThat(signing.refusal(signedWithOld.properties(), signedWithOld.body())).isEmpty();
    }

    @Test
    void unusableKeysAreRefusedWithAMessageThatNeverContainsTheKey(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> MessageSigning.withKeys("short-key"))
                .hasMessage("a signing key needs at least 16 characters; key 1 has 9")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-key"));
        assertThatThrownBy(() -> MessageSigning.configured("", dir.resolve("missing").toString()))
                .hasMessageStartingWith("cannot read the signing key file");
        assertThatThrownBy(() -> MessageSigning.configured("", empty.toString()))
                .hasMessage("the signing key file " + empty + " holds no key");
        assertThat(MessageSigning.configured("", "")).isSameAs(MessageSigning.OFF);
        assertThat(MessageSigning.withKeys(KEY)).hasToString("HMAC-SHA256 signing with 1 key(s)");
    }

    /** The golden task message of {@code golden/task.v1.json}, its body as exact bytes. */
    private static AmqpMessage golden() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("cloudEvents:specversion", "1.0");
        headers.put("cloudEvents:id", "6f1c2a44-8d0e-4c71-9a55-0b7f3c2d9e10");
        headers.put("cloudEvents:source", "/scatter/api");
        headers.put("cloudEvents:type", "scatter.task.v1");
        headers.put("cloudEvents:subject", JOB.toString());
        headers.put("cloudEvents:time", "2026-11-25T12:00:00Z");
        String body = "{\"jobId\":\"" + JOB + "\",\"taskIndex\":3,\"taskCount\":10,\"jobType\":\"prime-count\","
                + "\"payload\":{\"from\":300000,\"to\":399999,\"algorithm\":\"sieve\"}}";
        return new AmqpMessage(new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .headers(headers).build(), body.getBytes(StandardCharsets.UTF_8));
    }
}
