package io.scatter.api.problem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated HTTP/1.1 request, written byte for byte as generated: method, target and headers may be anything,
 * the body is sent with an exact Content-Length or in chunks.
 */
record FuzzRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                   boolean chunked) {

    static FuzzRequest get(String target, List<Map.Entry<String, String>> headers) {
        return new FuzzRequest("GET", target, headers, null, false);
    }

    FuzzRequest withHeaders(List<Map.Entry<String, String>> more) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.addAll(more);
        return new FuzzRequest(method, target, all, body, chunked);
    }

    /**
     * The bytes on the wire, {@code first} (e.g. the caller's credentials) before the generated headers; request line
     * and headers in UTF-8, so unicode goes out unencoded.
     */
    byte[] bytes(List<Map.Entry<String, String>> first) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (Map.Entry<String, String> header : first) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        for (Map.Entry<String, String> header : headers) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (body != null) {
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(chunked ? chunks(body) : body);
        }
        return out.toByteArray();
    }

    private static byte[] chunks(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < body.length; from += 4096) {
            int size = Math.min(4096, body.length - from);
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, from, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        String shownBody = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shownBody.length() > 300) {
            shownBody = shownBody.substring(0, 300) + "... (" + body.length + " bytes)";
        }
        String shownTarget = target.length() > 300 ? target.substring(0, 300) + "..." : target;
        return method + " " + shownTarget + " " + headers + (chunked ? " chunked " : " ") + shownBody;
    }
}
