package io.scatter.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line split into positional words, {@code --name value} (or {@code --name=value}) options and bare flags;
 * commands take what they know and then reject whatever is left.
 */
final class Arguments {

    private static final Set<String> FLAGS = Set.of("--wait", "--help");

    private final List<String> positional;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Arguments(List<String> positional, Map<String, String> options, Set<String> flags) {
        this.positional = positional;
        this.options = options;
        this.flags = flags;
    }

    static Arguments parse(String[] args) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (name.length() == 2) {
                throw new UsageException("an option needs a name after '--'");
            }
            if (FLAGS.contains(name)) {
                if (equals > 0) {
                    throw new UsageException(name + " takes no value");
                }
                flags.add(name);
                continue;
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException(name + " is given more than once");
            }
        }
        return new Arguments(positional, options, flags);
    }

    /** The first positional word (the command), or null; removed from the arguments. */
    String command() {
        return positional.isEmpty() ? null : positional.remove(0);
    }

    /** The next positional word, removed; a usage error naming {@code what} when there is none. */
    String requirePositional(String what) throws UsageException {
        if (positional.isEmpty()) {
            throw new UsageException("missing " + what);
        }
        return positional.remove(0);
    }

    boolean flag(String name) {
        return flags.remove(name);
    }

    /** The value of option {@code name}, removed, or null when it is absent. */
    String take(String name) {
        return options.remove(name);
    }

    /** The integer value of option {@code name} within {@code min..max}, removed, or null when absent. */
    Long takeInteger(String name, long min, long max) throws UsageException {
        String text = take(name);
        if (text == null) {
            return null;
        }
        BigInteger value = integer(text);
        if (value == null) {
            throw new UsageException(name + " must be an integer, got '" + text + "'");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new UsageException(name + " must be between " + min + " and " + max + ", got " + text);
        }
        return value.longValue();
    }

    /** Every option not taken yet, in the order given, removed. */
    Map<String, String> takeRemainingOptions() {
        Map<String, String> rest = new LinkedHashMap<>(options);
        options.clear();
        return rest;
    }

    /** A usage error for the first word, option or flag that no one took. */
    void rejectLeftovers(String command) throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "' for " + command);
        }
        if (!options.isEmpty()) {
            throw new UsageException("unknown option " + options.keySet().iterator().next() + " for " + command);
        }
        if (!flags.isEmpty()) {
            throw new UsageException("unknown option " + flags.iterator().next() + " for " + command);
        }
    }

    /** {@code text} as an integer when it is one (an optional minus sign and digits), else null. */
    static BigInteger integer(String text) {
        return text.matches("-?\\d{1,100}") ? new BigInteger(text) : null;
    }
}
