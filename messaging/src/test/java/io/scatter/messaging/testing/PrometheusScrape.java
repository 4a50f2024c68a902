package io.scatter.messaging.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scrape in the Prometheus text format, parsed into samples, for tests that check a series moved:
 * {@code scrape.sum("scatter_jobs", "status", "SUCCEEDED")}.
 */
public final class PrometheusScrape {

    /** One line of a scrape: a series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    /** Parses {@code text}, skipping comments and blank lines. */
    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line.strip()));
            }
        }
        return new PrometheusScrape(List.copyOf(samples));
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Whether some sample is named {@code name} and has the labels {@code labels} (name, value, name, value...). */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(sample -> matches(sample, name, labels));
    }

    /** The sum of the samples named {@code name} that have the labels {@code labels}; 0 when there are none. */
    public double sum(String name, String... labels) {
        return samples.stream().filter(sample -> matches(sample, name, labels)).mapToDouble(Sample::value).sum();
    }

    private static boolean matches(Sample sample, String name, String... labels) {
        if (!sample.name().equals(name)) {
            return false;
        }
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || (space >= 0 && space < brace)) {
            String[] parts = line.split(" ");
            return new Sample(parts[0], Map.of(), Double.parseDouble(parts[1]));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int at = brace + 1;
        while (line.charAt(at) != '}') {
            int equals = line.indexOf('=', at);
            String key = line.substring(at, equals).strip();
            StringBuilder value = new StringBuilder();
            at = equals + 2;
            while (line.charAt(at) != '"') {
                char c = line.charAt(at);
                if (c == '\\') {
                    at++;
                    c = line.charAt(at) == 'n' ? '\n' : line.charAt(at);
                }
                value.append(c);
                at++;
            }
            labels.put(key, value.toString());
            at++;
            if (line.charAt(at) == ',') {
                at++;
            }
        }
        String[] rest = line.substring(at + 1).strip().split(" ");
        return new Sample(line.substring(0, brace), Map.copyOf(labels), Double.parseDouble(rest[0]));
    }
}
