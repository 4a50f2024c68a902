package io.scatter.core.jobtype;

/** No registered {@link JobType} has the requested name. */
public final class UnknownJobTypeException extends RuntimeException {

    private final String name;

    public UnknownJobTypeException(String name, Iterable<String> known) {
        super("unknown job type '" + name + "'; known types: " + String.join(", ", known));
        this.name = name;
    }

    public String name() {
        return name;
    }
}
