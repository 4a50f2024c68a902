package io.scatter.core.jobtype;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The job types available to this process, found with {@link ServiceLoader} on the class path and in plug-ins. */
public final class JobTypes {

    private final Map<String, JobType> byName;

    private JobTypes(Map<String, JobType> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Every {@link JobType} on the class path of {@code loader}. */
    public static JobTypes load(ClassLoader loader) {
        Map<String, JobType> found = new TreeMap<>();
        for (JobType type : ServiceLoader.load(JobType.class, loader)) {
            JobType clash = found.putIfAbsent(type.name(), type);
            if (clash != null) {
                throw new IllegalStateException("two job types are named '" + type.name() + "': "
                        + clash.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        return new JobTypes(found);
    }

    /** Every {@link JobType} on the class path of this class. */
    public static JobTypes load() {
        return load(JobTypes.class.getClassLoader());
    }

    /**
     * Every {@link JobType} on the class path of this class and in the plug-ins on {@code pluginPath}: jars,
     * directories of jars, or class directories, separated by {@link File#pathSeparator} (blank: none), e.g.
     * {@code /opt/scatter/plugins:/home/me/my-type/target/classes}.
     *
     * @throws IllegalArgumentException naming a plug-in path that does not exist or cannot be read
     */
    public static JobTypes load(String pluginPath) {
        List<URL> urls = pluginUrls(pluginPath);
        if (urls.isEmpty()) {
            return load();
        }
        return load(new URLClassLoader("scatter-plugins", urls.toArray(URL[]::new), JobTypes.class.getClassLoader()));
    }

    /**
     * Checks that every entry of {@code pluginPath} can be read as a plug-in, without loading any class.
     *
     * @throws IllegalArgumentException naming the first that cannot
     */
    public static void checkPluginPath(String pluginPath) {
        pluginUrls(pluginPath);
    }

    private static List<URL> pluginUrls(String pluginPath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : pluginPath == null ? new String[0] : pluginPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.addAll(pluginUrls(Path.of(entry.strip())));
            }
        }
        return urls;
    }

    private static List<URL> pluginUrls(Path path) {
        try {
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return List.of(path.toUri().toURL());
            }
            if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException("plug-in path " + path
                        + " is neither a readable jar nor a directory");
            }
            if (Files.isDirectory(path.resolve("META-INF"))) {
                return List.of(path.toUri().toURL());
            }
            try (Stream<Path> files = Files.list(path)) {
                List<URL> jars = new ArrayList<>();
                for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(jar.toUri().toURL());
                }
                return jars;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plug-in path " + path + ": " + e.getMessage(), e);
        }
    }

    /** Exactly the given types (for tests and embedding). */
    public static JobTypes of(JobType... types) {
        Map<String, JobType> found = new TreeMap<>();
        for (JobType type : types) {
            found.put(type.name(), type);
        }
        return new JobTypes(found);
    }

    /** The type called {@code name}. */
    public JobType get(String name) {
        JobType type = name == null ? null : byName.get(name);
        if (type == null) {
            throw new UnknownJobTypeException(name, byName.keySet());
        }
        return type;
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
