package io.scatter.messaging;

import com.rabbitmq.client.AMQP;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HMAC-SHA256 signatures of messages under shared keys, so a consumer can refuse work a publisher without the key put
 * on the broker: the first key signs, every key verifies (for rotation). The signature covers every CloudEvent
 * attribute, the content type and the body, and travels in the AMQP header {@value #HEADER}.
 */
public final class MessageSigning {

    /** The AMQP header that carries a message's signature. */
    public static final String HEADER = "x-scatter-signature";
    /** How a signature's value starts: the scheme, then the lower-case hex of the MAC. */
    public static final String SCHEME = "hmac-sha256=";
    /** Signs nothing and verifies nothing. */
    public static final MessageSigning OFF = new MessageSigning(List.of());

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 16;

    private final List<SecretKeySpec> keys;

    private MessageSigning(List<SecretKeySpec> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Thrown for a signing key that cannot be used; its message names the problem, never the key. */
    public static final class KeyException extends Exception {
        public KeyException(String message) {
            super(message);
        }
    }

    /**
     * Signing with {@code keys}, comma-separated (the first signs; each at least 16 characters); {@link #OFF} when
     * blank.
     */
    public static MessageSigning withKeys(String keys) throws KeyException {
        List<SecretKeySpec> parsed = new ArrayList<>();
        for (String key : keys == null ? new String[0] : keys.split("[,\\n]")) {
            String trimmed = key.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() < MIN_KEY_LENGTH) {
                throw new KeyException("a signing key needs at least " + MIN_KEY_LENGTH + " characters; key "
                        + (parsed.size() + 1) + " has " + trimmed.length());
            }
            parsed.add(new SecretKeySpec(trimmed.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
        return parsed.isEmpty() ? OFF : new MessageSigning(parsed);
    }

    /**
     * The signing of a process: the keys in the file {@code keyFile} (one a line or comma-separated) when it is not
     * blank, else those of {@code keys}.
     */
    public static MessageSigning configured(String keys, String keyFile) throws KeyException {
        if (keyFile == null || keyFile.isBlank()) {
            return withKeys(keys);
        }
        try {
            MessageSigning signing = withKeys(Files.readString(Path.of(keyFile.trim()), StandardCharsets.UTF_8));
            if (!signing.enabled()) {
                throw new KeyException("the signing key file " + keyFile.trim() + " holds no key");
            }
            return signing;
        } catch (IOException | RuntimeException e) {
            throw new KeyException("cannot read the signing key file " + keyFile.trim() + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** Whether there is a key: messages are signed and verified. */
    public boolean enabled() {
        return !keys.isEmpty();
    }

    /** {@code message} with its signature under the first key, or as it is when signing is off. */
    public AmqpMessage sign(AmqpMessage message) {
        if (!enabled()) {
            return message;
        }
        try {
            String signature = signature(keys.get(0), message.properties(), message.body());
            Map<String, Object> headers = new HashMap<>(message.properties().getHeaders() == null ? Map.of()
                    : message.properties().getHeaders());
            headers.put(HEADER, signature);
            return new AmqpMessage(message.properties().builder().headers(headers).build(), message.body());
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException("cannot sign a malformed message: " + e.getMessage(), e);
        }
    }

    /**
     * Why a delivered message fails verification, one line starting "bad signature", or empty when it carries a
     * signature one of the keys made (always empty when signing is off).
     */
    public Optional<String> refusal(AMQP.BasicProperties properties, byte[] body) {
        if (!enabled()) {
            return Optional.empty();
        }
        Object header = properties.getHeaders() == null ? null : properties.getHeaders().get(HEADER);
        if (header == null) {
            return Optional.of("bad signature: the message is not signed (no " + HEADER + " header)");
        }
        byte[] given = header.toString().getBytes(StandardCharsets.UTF_8);
        try {
            for (SecretKeySpec key : keys) {
                if (MessageDigest.isEqual(given, signature(key, properties, body).getBytes(StandardCharsets.UTF_8))) {
                    return Optional.empty();
                }
            }
        } catch (MalformedMessageException e) {
            return Optional.of("bad signature: " + e.getMessage());
        }
        return Optional.of("bad signature: it matches none of this process's signing keys");
    }

    private static String signature(SecretKeySpec key, AMQP.BasicProperties properties, byte[] body)
            throws MalformedMessageException {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(canonical(properties, body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /**
     * What a signature covers: each CloudEvent attribute in name order, then the content type, then the body, each
     * preceded by its length so no two messages share a form.
     */
    static byte[] canonical(AMQP.BasicProperties properties, byte[] body) throws MalformedMessageException {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(CloudEventAmqpCodec.attributes(properties)).forEach((name, value) -> {
            field(text, name);
            field(text, value);
        });
        field(text, "datacontenttype");
        field(text, properties.getContentType() == null ? "" : properties.getContentType());
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] data = body == null ? new byte[0] : body;
        byte[] length = (data.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + length.length + data.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(length, 0, all, head.length, length.length);
        System.arraycopy(data, 0, all, head.length + length.length, data.length);
        return all;
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }

    @Override
    public String toString() {
        return enabled() ? "HMAC-SHA256 signing with " + keys.size() + " key(s)" : "no signing";
    }
}
