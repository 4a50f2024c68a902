package io.scatter.head;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void aPidFileNamingALiveProcessThatIsNotPostgresNamesNoOrphan() throws IOException {
        Path pidFile = Files.writeString(directory.resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + directory + "\n");

        assertThat(EmbeddedDatabase.postmaster(pidFile)).isEmpty();
    }

    @Test
    void aPidFileNamingAProcessThatIsGoneNamesNoOrphan() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Path pidFile = Files.writeString(directory.resolve("postmaster.pid"), exited.pid() + "\n");

        assertThat(EmbeddedDatabase.postmaster(pidFile)).isEmpty();
    }

    @Test
    void aPidFileThatIsNotAPidNamesNoOrphan() throws IOException {
        Path pidFile = Files.writeString(directory.resolve("postmaster.pid"), "garbage\n");

        assertThat(EmbeddedDatabase.postmaster(pidFile)).isEmpty();
    }
}
