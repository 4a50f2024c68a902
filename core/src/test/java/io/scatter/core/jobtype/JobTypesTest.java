package io.scatter.core.jobtype;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTypesTest {

    private static final String SERVICE_FILE = "META-INF/services/" + JobType.class.getName();

    @TempDir
    Path plugins;

    @Test
    void aTypeListedOnlyInAPlugInJarIsFoundThroughThePlugInPath() throws IOException {
        Path jar = plugins.resolve("plug-in-only.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(SERVICE_FILE));
            out.write(PlugInOnly.class.getName().getBytes());
            out.closeEntry();
        }

        assertThat(JobTypes.load().names()).doesNotContain(PlugInOnly.NAME);
        assertThat(JobTypes.load(jar.toString()).names()).contains(PlugInOnly.NAME);
        assertThat(JobTypes.load(plugins.toString()).names()).contains(PlugInOnly.NAME);
    }

    @Test
    void aClassDirectoryIsAPlugInToo() throws IOException {
        Path services = Files.createDirectories(plugins.resolve("classes/META-INF/services"));
        try (OutputStream out = Files.newOutputStream(services.resolve(JobType.class.getName()))) {
            out.write(PlugInOnly.class.getName().getBytes());
        }

        assertThat(JobTypes.load("  " + File.pathSeparator + plugins.resolve("classes")).names())
                .contains(PlugInOnly.NAME);
    }

    @Test
    void aBlankPlugInPathMeansTheClassPathAlone() {
        assertThat(JobTypes.load(" ").names()).isEqualTo(JobTypes.load().names());
        assertThat(JobTypes.load((String) null).names()).isEqualTo(JobTypes.load().names());
    }

    @Test
    void aMissingPlugInIsNamed() {
        Path missing = plugins.resolve("no-such.jar");

        assertThatThrownBy(() -> JobTypes.load(missing.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    /** Listed in no service file on the class path, only in the plug-ins these tests make. */
    public static final class PlugInOnly implements JobType {

        static final String NAME = "plug-in-only";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
            return new JobDefinition(Map.of(), Map.of());
        }

        @Override
        public List<Map<String, Object>> split(JobDefinition job) {
            return List.of(Map.of());
        }

        @Override
        public Map<String, Object> compute(Map<String, Object> task) {
            return Map.of();
        }

        @Override
        public Map<String, Object> emptyResult() {
            return Map.of();
        }

        @Override
        public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
            return Map.of();
        }
    }
}
