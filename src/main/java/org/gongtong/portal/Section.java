package org.gongtong.portal;

import java.util.Optional;

/** The portal's content sections and their readable URL segment. */
public enum Section {
    NEWS("news"),
    POLICY("policies"),
    PRACTICE("practices"),
    EVENT("events");

    private final String path;

    Section(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<Section> ofPath(String path) {
        for (Section s : values()) {
            if (s.path.equals(path)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
