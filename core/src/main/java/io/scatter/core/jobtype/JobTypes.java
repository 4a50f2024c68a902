package io.scatter.core.jobtype;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The job types available to this process, found with {@link ServiceLoader}. */
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
