package io.scatter.core.prime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The sizes of this machine's data caches, read from Linux's sysfs where it has one. */
final class CacheSizes {

    private static final Path CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");

    private CacheSizes() {
    }

    /** The size in bytes of the level-{@code level} data or unified cache of the first CPU, if the system says. */
    static OptionalLong dataCache(int level) {
        for (int index = 0; index < 8; index++) {
            Path dir = CACHES.resolve("index" + index);
            try {
                if (!Files.isDirectory(dir) || !read(dir, "level").equals(Integer.toString(level))
                        || read(dir, "type").equals("Instruction")) {
                    continue;
                }
                return OptionalLong.of(parseSize(read(dir, "size")));
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** Parses sysfs sizes such as {@code 32K}, {@code 1024K}, {@code 32M} or a plain number of bytes. */
    static long parseSize(String text) {
        String s = text.trim().toUpperCase();
        long unit = 1;
        if (s.endsWith("K")) {
            unit = 1L << 10;
        } else if (s.endsWith("M")) {
            unit = 1L << 20;
        } else if (s.endsWith("G")) {
            unit = 1L << 30;
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file)).trim();
    }
}
