package io.scatter.cli;

import picocli.CommandLine.Option;

/** {@code --json}: print the API's JSON document instead of text, for scripts. */
final class JsonOption {

    @Option(names = "--json", description = "print the JSON document the API answers instead, for scripts")
    boolean json;
}
