package io.scatter.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends a request exactly as written, for requests a well-behaved HTTP client refuses to send. */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status code and content type of the answer to {@code requestLine} (e.g. {@code GET /x HTTP/1.1}). */
    public static String[] statusAndContentType(int port, String requestLine) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String status = answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4);
            String contentType = "";
            for (String line : answer.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            return new String[]{status, contentType};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
