package io.scatter.core.jobtype;

import java.util.Map;

/**
 * A job's input and options after validation and normalisation by its {@link JobType}: what is stored and split.
 *
 * @param input   the normalised input, e.g. {@code {"from":0,"to":1000000}}
 * @param options the normalised options with defaults filled in, e.g. {@code {"algorithm":"sieve","tasks":10}}
 */
public record JobDefinition(Map<String, Object> input, Map<String, Object> options) {

    public JobDefinition {
        input = Map.copyOf(input);
        options = Map.copyOf(options);
    }
}
