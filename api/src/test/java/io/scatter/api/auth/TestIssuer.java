package io.scatter.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** An OIDC issuer on 127.0.0.1 for tests: a discovery document and a JWKS of RSA keys the test generates. */
final class TestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger keySetReads = new AtomicInteger();
    private volatile RSAKey signingKey;

    private TestIssuer(HttpServer server, RSAKey signingKey) {
        this.server = server;
        this.signingKey = signingKey;
    }

    /** A running issuer with one fresh signing key. */
    static TestIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server, newKey());
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.respond(exchange,
                    "{\"issuer\":\"" + issuer.url() + "\",\"jwks_uri\":\"" + issuer.url() + "/keys\"}"));
            server.createContext("/keys", exchange -> {
                issuer.keySetReads.incrementAndGet();
                issuer.respond(exchange, new JWKSet(issuer.signingKey.toPublicJWK()).toString());
            });
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh 2048-bit RSA key with a random key id. */
    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The key the issuer publishes now and signs its tokens with. */
    RSAKey signingKey() {
        return signingKey;
    }

    /** Publishes {@code key} instead of the current key, as an issuer does when it rotates keys. */
    void rotateTo(RSAKey key) {
        this.signingKey = key;
    }

    /** How often the key set was read. */
    int keySetReads() {
        return keySetReads.get();
    }

    /** A token from this issuer, signed with its current key, for the caller to adjust. */
    TestTokens.Builder aToken() {
        return TestTokens.aToken().issuer(url()).signedWith(signingKey);
    }

    private void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
