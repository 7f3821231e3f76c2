package org.gongtong;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedLibrariesTest {

    @TempDir
    Path temp;

    @Test
    void removesOnlyOldEmptyFoldersOfTheSameJar() throws Exception {
        Instant now = Instant.now();
        Path current = folder("gongtong.jar-spring-boot-libs-aaaa", now.minus(Duration.ofHours(1)));
        Files.writeString(current.resolve("spring-boot.jar"), "x");
        Path exited = folder("gongtong.jar-spring-boot-libs-bbbb", now.minus(Duration.ofHours(2)));
        Path starting = folder("gongtong.jar-spring-boot-libs-cccc", now.minus(Duration.ofSeconds(5)));
        Path killed = folder("gongtong.jar-spring-boot-libs-dddd", now.minus(Duration.ofHours(3)));
        Files.writeString(killed.resolve("h2.jar"), "x");
        Files.setLastModifiedTime(killed, FileTime.from(now.minus(Duration.ofHours(3))));
        Path otherJar = folder("other.jar-spring-boot-libs-eeee", now.minus(Duration.ofHours(2)));
        Path unrelated = folder("gongtong-data", now.minus(Duration.ofHours(2)));

        assertThat(UnpackedLibraries.removeLeftovers(current, now)).containsExactly(exited);

        assertThat(exited).doesNotExist();
        assertThat(current).exists();
        assertThat(starting).exists();
        assertThat(killed).exists();
        assertThat(otherJar).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void outsideTheJarThereIsNoFolder() {
        // tests run from Maven's class path, where the libraries were never unpacked
        assertThat(UnpackedLibraries.currentFolder()).isEmpty();
    }

    private Path folder(String name, Instant modified) throws Exception {
        Path folder = Files.createDirectory(temp.resolve(name));
        Files.setLastModifiedTime(folder, FileTime.from(modified));
        return folder;
    }
}
