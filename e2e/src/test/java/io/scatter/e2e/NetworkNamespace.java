package io.scatter.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of its own joined to the host by a veth pair on a free 10.x.y.z/30, made and removed with
 * {@code ip}; its link can be taken down and brought up again.
 */
final class NetworkNamespace implements AutoCloseable {

    private static final int ATTEMPTS = 100;
    /** Where {@code ip netns add} mounts the namespaces it names. */
    private static final Path NAMESPACES = Path.of("/run/netns");

    private final String name;
    private final String hostLink;
    private final String hostAddress;
    private final String namespaceAddress;
    private boolean closed;

    private NetworkNamespace(String name, String hostLink, String hostAddress, String namespaceAddress) {
        this.name = name;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
        this.namespaceAddress = namespaceAddress;
    }

    /** Why network namespaces cannot be made here (not root, no {@code ip}), or null if they can. */
    static String unavailable() {
        try {
            if (!run("id", "-u").trim().equals("0")) {
                return "network namespaces need root; this test runs as uid " + run("id", "-u").trim();
            }
            run("ip", "-V");
            return null;
        } catch (IOException | IllegalStateException e) {
            return "cannot run 'ip' (iproute2) or 'id': " + e.getMessage();
        }
    }

    /**
     * Makes a namespace named {@code scatter-<random>} with its loopback up, and a veth pair between it and the host
     * on a /30 that no host address or route overlaps, both ends up.
     */
    static NetworkNamespace create() throws IOException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long base = freeSubnet();
        NetworkNamespace namespace = new NetworkNamespace("scatter-" + id, "sch" + id,
                dotted(base + 1), dotted(base + 2));
        String peer = "scn" + id;
        try {
            run("ip", "netns", "add", namespace.name);
            run("ip", "link", "add", namespace.hostLink, "type", "veth", "peer", "name", peer);
            run("ip", "link", "set", peer, "netns", namespace.name);
            run("ip", "addr", "add", namespace.hostAddress + "/30", "dev", namespace.hostLink);
            run("ip", "link", "set", namespace.hostLink, "up");
            run("ip", "-n", namespace.name, "addr", "add", namespace.namespaceAddress + "/30", "dev", peer);
            run("ip", "-n", namespace.name, "link", "set", peer, "up");
            run("ip", "-n", namespace.name, "link", "set", "lo", "up");
            return namespace;
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    /** The host's end of the veth pair, e.g. {@code sch1a2b3c4d}. */
    String hostLink() {
        return hostLink;
    }

    /** The host's address on the veth pair: what a process in the namespace reaches the host at. */
    InetAddress hostAddress() throws IOException {
        return InetAddress.getByName(hostAddress);
    }

    String namespaceAddress() {
        return namespaceAddress;
    }

    /** The prefix that runs a command in this namespace: {@code ip netns exec NAME}, which execs the command. */
    List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Takes the host's end of the link down: packets either way vanish, and no connection is told. */
    void linkDown() throws IOException {
        run("ip", "link", "set", hostLink, "down");
    }

    /** Brings the host's end of the link up again; idempotent. */
    void linkUp() throws IOException {
        run("ip", "link", "set", hostLink, "up");
    }

    /** Removes the veth pair and the namespace; idempotent, and tolerant of a half-made namespace. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        List<String> failures = new ArrayList<>();
        if (succeeds("ip", "link", "show", "dev", hostLink)) {
            attempt(failures, "ip", "link", "delete", hostLink);
        }
        if (Files.exists(NAMESPACES.resolve(name))) {
            attempt(failures, "ip", "netns", "delete", name);
        }
        if (!failures.isEmpty()) {
            throw new IOException("could not remove network namespace " + name + ": " + failures);
        }
        closed = true;
    }

    private static boolean succeeds(String... command) {
        try {
            run(command);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void attempt(List<String> failures, String... command) {
        try {
            run(command);
        } catch (IOException | RuntimeException e) {
            failures.add(e.getMessage());
        }
    }

    /** A random 10.x.y.z/30 (as its network address) that overlaps no IPv4 address or route of the host. */
    private static long freeSubnet() throws IOException {
        List<long[]> taken = new ArrayList<>();
        for (String line : run("ip", "-o", "-4", "addr", "show").lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 3 && fields[2].equals("inet")) {
                taken.add(range(fields[3]));
            }
        }
        for (String line : run("ip", "-4", "route", "show", "table", "all").lines().toList()) {
            for (String field : line.trim().split("\\s+")) {
                if (field.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
                    taken.add(range(field));
                    break;
                }
            }
        }
        Random random = new Random();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long base = (10L << 24) | ((long) random.nextInt(1 << 22) << 2);
            if (taken.stream().noneMatch(range -> base <= range[1] && range[0] <= base + 3)) {
                return base;
            }
        }
        throw new IllegalStateException("no free /30 in 10.0.0.0/8 after " + ATTEMPTS + " tries");
    }

    /** The first and last address of {@code cidr}, e.g. {@code 10.1.2.3/24}, as numbers. */
    private static long[] range(String cidr) {
        String[] parts = cidr.split("/");
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = (address << 8) | Long.parseLong(octet);
        }
        int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : 32;
        long size = 1L << (32 - bits);
        long first = address & ~(size - 1) & 0xFFFF_FFFFL;
        return new long[] {first, first + size - 1};
    }

    private static String dotted(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + String.join(" ", command), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + output.trim());
        }
        return output;
    }
}
