package io.scatter.messaging;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An {@code amqps} URI speaks TLS and refuses a broker whose certificate the JVM does not trust. */
class BrokerTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path directory;

    @Test
    void anAmqpsConnectionRefusesABrokerWithACertificateNobodyTrusts() throws Exception {
        SSLContext server = serverContext(selfSignedKeyStore());
        try (SSLServerSocket socket = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread handshakes = new Thread(() -> acceptOne(socket), "tls-test-broker");
            handshakes.setDaemon(true);
            handshakes.start();
            ConnectionFactory factory = BrokerConnection.factory("amqps://u:p@127.0.0.1:" + socket.getLocalPort()
                    + "/");

            assertThatThrownBy(factory::newConnection).satisfies(e -> assertThat(causes(e))
                    .as("a handshake that failed on the certificate").hasAtLeastOneElementOfType(
                            SSLHandshakeException.class));
            handshakes.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private KeyStore selfSignedKeyStore() throws Exception {
        Path file = directory.resolve("broker.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static SSLContext serverContext(KeyStore store) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void acceptOne(SSLServerSocket socket) {
        try (SSLSocket client = (SSLSocket) socket.accept()) {
            client.setSoTimeout(10_000);
            client.startHandshake();
        } catch (IOException e) {
            // the client gives up on the certificate: the handshake fails on this side too
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable cause = e; cause != null && !all.contains(cause); cause = cause.getCause()) {
            all.add(cause);
        }
        return all;
    }
}
