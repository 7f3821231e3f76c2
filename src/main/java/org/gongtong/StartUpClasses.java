package org.gongtong;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the classes a start of the jar needs, in the order it needs them, in a background thread
 * that runs ahead of the main thread (ADR 0067). A start loads ~11,000 classes that are not in
 * the JDK's class-data archive; loading them (finding, reading, defining, verifying) was about
 * half of the main thread's CPU. The main thread then mostly finds its classes loaded; on a
 * machine with cores to spare the loading runs beside the start, and on two busy cores (the JIT
 * compilers take one) the start gets a larger share of them.
 *
 * <p>Classes are loaded, not initialised: no static initialiser runs here, so nothing a class does
 * when first used happens earlier or in another thread. The list ({@link #LIST}) was recorded from
 * a start of the jar by {@code bench/start-up-classes.sh}; a class that no longer exists is
 * skipped, one the list lacks is loaded by the main thread as before, so a stale list only costs
 * speed ({@code StartUpClassesTest} fails when too much of it is stale).
 * {@code -Dgongtong.start-up-classes=false} turns it off.
 */
final class StartUpClasses {

    static final String LIST = "org/gongtong/start-up-classes.txt";

    private StartUpClasses() {}

    /** Starts the background thread, unless turned off or the list is missing. */
    static void loadAheadInBackground(ClassLoader loader) {
        if ("false".equals(System.getProperty("gongtong.start-up-classes"))) {
            return;
        }
        List<String> names = read(loader);
        if (names.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> loadAll(loader, names), "start-up-classes");
        thread.setDaemon(true);
        thread.start();
    }

    /** The listed class names, in order; empty if the list is missing or unreadable. */
    static List<String> read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(name -> !name.isEmpty() && !name.startsWith("#"))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Loads (without initialising) each named class; returns how many could be loaded. */
    static int loadAll(ClassLoader loader, List<String> names) {
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // gone since the list was recorded, or not loadable here: the main thread decides
            }
        }
        return loaded;
    }
}
