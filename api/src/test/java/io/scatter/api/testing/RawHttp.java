package io.scatter.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Sends a request exactly as written, for requests a well-behaved HTTP client refuses to send. */
public final class RawHttp {

    private static final byte[] END_OF_HEADERS = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private RawHttp() {
    }

    /** An answer as read off the socket: status, content type ("" when none), header block and decoded body. */
    public record Answer(int status, String contentType, String headers, String body) {

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** The status code and content type of the answer to {@code requestLine} (e.g. {@code GET /x HTTP/1.1}). */
    public static String[] statusAndContentType(int port, String requestLine) {
        String request = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        Answer answer = exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
        return new String[]{String.valueOf(answer.status()), answer.contentType()};
    }

    /**
     * Writes {@code request} (which should ask for {@code Connection: close}) and reads the whole answer; a server
     * that answers nothing within 10 s fails with a timeout.
     */
    public static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may answer and close before reading a large body; its answer is still there to read
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        int end = indexOf(raw, END_OF_HEADERS, 0);
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: "
                    + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = Arrays.copyOfRange(raw, end + END_OF_HEADERS.length, raw.length);
        return new Answer(status, contentType, head, new String(chunked ? dechunk(body) : body,
                StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
