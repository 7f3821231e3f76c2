package org.gongtong;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tidies the temporary folders of unpacked libraries (ADR 0065). Started with {@code java -jar},
 * Spring Boot's launcher copies the libraries the build marks {@code requiresUnpack} into a new
 * private folder {@code <temp>/<jar>-spring-boot-libs-<random>} at each start, and deletes the
 * copies when the JVM exits, but not the folder. This removes such folders of the same jar that
 * are empty (their process exited normally) and older than a minute (so a process starting at
 * this very moment, between creating its folder and filling it, keeps it). A folder that still
 * holds copies belongs to a running process, or to one that was killed; it is left alone.
 */
final class UnpackedLibraries {

    static final String MARKER = "-spring-boot-libs-";
    private static final Duration MIN_AGE = Duration.ofMinutes(1);

    private UnpackedLibraries() {}

    /**
     * The folder this JVM's libraries were unpacked into, if it was started from the jar with
     * unpacked libraries (not from {@code mvn spring-boot:run} or a test class path).
     */
    static Optional<Path> currentFolder() {
        CodeSource source = org.springframework.boot.SpringApplication.class
                .getProtectionDomain()
                .getCodeSource();
        if (source == null
                || source.getLocation() == null
                || !"file".equals(source.getLocation().getProtocol())) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(source.getLocation().toURI()).getParent();
            return folder != null && folder.getFileName().toString().contains(MARKER)
                    ? Optional.of(folder)
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Removes the leftover folders beside {@code current}; returns the ones removed. */
    static List<Path> removeLeftovers(Path current, Instant now) {
        String name = current.getFileName().toString();
        String prefix = name.substring(0, name.indexOf(MARKER) + MARKER.length());
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(current.getParent(), prefix + "*")) {
            for (Path folder : siblings) {
                if (!folder.equals(current) && isOldAndEmpty(folder, now)) {
                    try {
                        Files.delete(folder);
                        removed.add(folder);
                    } catch (IOException e) {
                        // filled or removed by another process meanwhile: not ours to insist on
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable temporary folder only means nothing is tidied
        }
        return removed;
    }

    private static boolean isOldAndEmpty(Path folder, Instant now) throws IOException {
        if (!Files.isDirectory(folder)
                || Files.getLastModifiedTime(folder).toInstant().isAfter(now.minus(MIN_AGE))) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    /** Tidies in a background thread: nothing of it is on the start's path. */
    static void removeLeftoversInBackground() {
        currentFolder().ifPresent(current -> {
            Thread t = new Thread(() -> removeLeftovers(current, Instant.now()), "unpacked-libraries-tidy");
            t.setDaemon(true);
            t.start();
        });
    }
}
