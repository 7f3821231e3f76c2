package org.gongtong.registry;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The bigrams of an organisation's name: every pair of adjacent characters, which the name search
 * looks up instead of scanning every name (ADR 0069). A pair holding half of a character outside
 * the Basic Multilingual Plane is left out (such a character is not one Java {@code char}); a
 * search containing one falls back to the scan.
 */
final class NameGrams {

    private NameGrams() {}

    /** The distinct bigrams of {@code name}, in the order they first occur. */
    static Set<String> of(String name) {
        Set<String> grams = new LinkedHashSet<>();
        if (name == null) {
            return grams;
        }
        for (int i = 0; i + 1 < name.length(); i++) {
            char a = name.charAt(i);
            char b = name.charAt(i + 1);
            if (!Character.isSurrogate(a) && !Character.isSurrogate(b)) {
                grams.add(name.substring(i, i + 2));
            }
        }
        return grams;
    }

    /**
     * True when a name contains {@code q} only if it has all of {@code q}'s bigrams: {@code q}
     * has at least two characters and none outside the Basic Multilingual Plane.
     */
    static boolean searchable(String q) {
        return q.length() >= 2 && q.chars().noneMatch(c -> Character.isSurrogate((char) c));
    }
}
