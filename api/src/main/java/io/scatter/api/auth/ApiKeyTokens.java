package io.scatter.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text form of API keys: {@code sk_}, the key's id in hex, {@code _}, then 256 random bits in base64url. */
final class ApiKeyTokens {

    static final String PREFIX = "sk_";
    private static final Pattern FORM = Pattern.compile("sk_([0-9a-f]{32})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyTokens() {
    }

    /** A new key for the key with id {@code id}. */
    static String generate(UUID id) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + id.toString().replace("-", "") + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The id inside {@code token}, if it has the form of a key. */
    static Optional<UUID> id(String token) {
        Matcher matcher = FORM.matcher(token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1);
        return Optional.of(new UUID(HexFormat.fromHexDigitsToLong(hex, 0, 16),
                HexFormat.fromHexDigitsToLong(hex, 16, 32)));
    }

    /** The SHA-256 of {@code token}, what is stored instead of it. */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Whether {@code token} hashes to {@code expected}, compared in constant time. */
    static boolean matches(String token, byte[] expected) {
        return MessageDigest.isEqual(hash(token), expected);
    }
}
